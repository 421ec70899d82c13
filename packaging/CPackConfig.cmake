# Packaging: desktop integration files and a Debian package (cpack -G DEB).
# Included last by the top-level CMakeLists.txt, after every target has its install rules.
#
#   packaging/setup.sh package    (builds, then cpack -G DEB into build/package/)
#   packaging/check_package.sh build/package/facebench_<version>_<arch>.deb   (setup.sh test runs it)
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
  install(FILES "${_fb_source_root}/resources/icons/facebench.svg"
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
endif()

# --- manual pages, examples, Debian's copyright and changelog ----------------
include(${CMAKE_CURRENT_LIST_DIR}/ManPages.cmake)

# Debian Policy 12.5 and 12.7: /usr/share/doc/<package> (lower case, unlike GNUInstallDirs'
# DOCDIR, which takes the project name) holds the copyright file and, for a native package
# (version without a Debian revision), the changelog as changelog.gz compressed with -9n.
set(_fb_docdir "${CMAKE_INSTALL_DATADIR}/doc/facebench")
install(FILES ${CMAKE_CURRENT_LIST_DIR}/debian/copyright DESTINATION ${_fb_docdir})
set(_fb_changelog "${CMAKE_BINARY_DIR}/packaging/changelog")
add_custom_command(
  OUTPUT "${_fb_changelog}.gz"
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_CURRENT_LIST_DIR}/debian/changelog "${_fb_changelog}"
  COMMAND gzip -9nf "${_fb_changelog}"
  DEPENDS ${CMAKE_CURRENT_LIST_DIR}/debian/changelog
  COMMENT "Compressing the Debian changelog"
  VERBATIM)
add_custom_target(facebench-changelog ALL DEPENDS "${_fb_changelog}.gz")
install(FILES "${_fb_changelog}.gz" DESTINATION ${_fb_docdir})
# The presets and the quick start are compiled into the programs; these copies are to read,
# copy and edit (`facebench-cli config check .../presets/arcface.yaml --set ...`).
install(FILES ${_fb_source_root}/examples/quickstart.yaml DESTINATION ${_fb_docdir}/examples)
install(DIRECTORY ${_fb_source_root}/resources/presets/ DESTINATION ${_fb_docdir}/examples/presets
        FILES_MATCHING PATTERN "*.yaml")

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
# xz, as dpkg-deb itself compresses: half the size of CPack's default gzip.
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")
# Directories CPack creates itself (usr/, usr/share/...) get the usual 0755 whatever the umask.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
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
unset(_fb_docdir)
unset(_fb_changelog)
unset(_fb_run_packages)
unset(_fb_depends)

include(CPack)
