# Packaging: desktop integration files and a Debian package (cpack -G DEB).
# Included last by the top-level CMakeLists.txt, after every target has its install rules.
#
#   cmake --build build && cpack --config build/CPackConfig.cmake   (or: cmake --build build -t package)
#
# The DEB's Depends are the `run` rows of packaging/debian-packages.txt, the one list of
# Debian packages, so setup.sh, the build and the package never disagree.

include_guard(GLOBAL)
include(GNUInstallDirs)
include(${CMAKE_CURRENT_LIST_DIR}/DebianPackages.cmake)

set(_fb_source_root "${CMAKE_CURRENT_LIST_DIR}/..")

# --- desktop integration -----------------------------------------------------
# They launch the GUI, so they are installed only when the GUI target exists
# (-DFACEBENCH_BUILD_GUI=OFF builds facebench-cli alone).
if(TARGET facebench)
  install(FILES ${CMAKE_CURRENT_LIST_DIR}/facebench.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${CMAKE_CURRENT_LIST_DIR}/io.github.facebench.FaceBench.metainfo.xml
          DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  # The icon is drawn by another part of the project; package it once it exists.
  if(EXISTS "${_fb_source_root}/resources/icons/facebench.svg")
    install(FILES "${_fb_source_root}/resources/icons/facebench.svg"
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  endif()
endif()

# --- Debian package ----------------------------------------------------------
# Re-run configure when the list changes, so the Depends never go stale.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             "${CMAKE_CURRENT_LIST_DIR}/debian-packages.txt")
facebench_debian_packages(_fb_run_packages ROLE run)
list(JOIN _fb_run_packages ", " _fb_depends)

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "facebench")
set(CPACK_PACKAGE_VENDOR "FaceBench developers")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Debian wants the long description wrapped under 80 columns; CPack does not wrap it.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
  "FaceBench trains, evaluates and benchmarks deep face-recognition models on a"
  "researcher's own face datasets: model zoo, margin losses (softmax, center,"
  "SphereFace, CosFace, ArcFace), verification protocols (LFW, TAR at FAR, pose"
  "and age templates) and throughput against batch size, with tables and figures"
  "ready for a paper."
  "It provides a Qt 6 workbench (facebench) and a headless command-line tool"
  "(facebench-cli) over one LibTorch core.")
set(CPACK_PACKAGE_CONTACT "FaceBench developers <dev@facebench.invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")          # Debian's prefix, whatever CMAKE_INSTALL_PREFIX is
set(CPACK_STRIP_FILES ON)
# GPL-3.0-or-later: the GUI links QCustomPlot, which is GPL-3.0-or-later.
set(CPACK_RESOURCE_FILE_LICENSE "${_fb_source_root}/LICENSE")

set(CPACK_DEBIAN_PACKAGE_NAME "facebench")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)           # facebench_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "FaceBench developers <dev@facebench.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${_fb_depends}")
# No homepage yet: keep CPack from inventing one from CMAKE_PROJECT_HOMEPAGE_URL.
unset(CPACK_DEBIAN_PACKAGE_HOMEPAGE)
# Architecture comes from `dpkg --print-architecture` (CPack's default).

unset(_fb_source_root)
unset(_fb_run_packages)
unset(_fb_depends)

include(CPack)
