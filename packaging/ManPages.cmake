# Manual pages facebench-cli(1) and facebench(1), generated from the programs' own --help by
# packaging/man/generate_man_pages.py (help2man, plus one section per facebench-cli verb)
# whenever a program is relinked, and installed gzipped into share/man/man1.
# Included by packaging/CPackConfig.cmake.

include_guard(GLOBAL)
include(CMakeDependentOption)
include(GNUInstallDirs)

# Off under FACEBENCH_SANITIZE: generating runs the instrumented programs at build time, where
# LeakSanitizer's reports of LibTorch's process-lifetime allocations would fail the build, and
# a sanitizer build is never packaged.
cmake_dependent_option(FACEBENCH_MAN_PAGES
  "Generate and install the manual pages (needs help2man and Python 3)" ON
  "NOT FACEBENCH_SANITIZE" OFF)

if(FACEBENCH_MAN_PAGES)
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  find_program(FACEBENCH_HELP2MAN help2man)
  if(NOT FACEBENCH_HELP2MAN)
    message(FATAL_ERROR "help2man not found: apt-get install help2man (it is in "
                        "packaging/debian-packages.txt), or configure with -DFACEBENCH_MAN_PAGES=OFF")
  endif()

  set(_fb_man_dir "${CMAKE_CURRENT_LIST_DIR}/man")
  set(_fb_man_pages "")
  foreach(_fb_program IN ITEMS facebench-cli facebench)
    if(NOT TARGET ${_fb_program})  # facebench is absent with -DFACEBENCH_BUILD_GUI=OFF
      continue()
    endif()
    set(_fb_page "${CMAKE_BINARY_DIR}/man/${_fb_program}.1.gz")
    set(_fb_verbs "")
    if(_fb_program STREQUAL "facebench-cli")
      set(_fb_verbs --verbs)
    endif()
    add_custom_command(
      OUTPUT "${_fb_page}"
      COMMAND Python3::Interpreter "${_fb_man_dir}/generate_man_pages.py"
              $<TARGET_FILE:${_fb_program}> ${_fb_verbs} --help2man "${FACEBENCH_HELP2MAN}"
              --out "${_fb_page}"
      DEPENDS ${_fb_program} "${_fb_man_dir}/generate_man_pages.py"
              "${_fb_man_dir}/${_fb_program}.h2m"
      COMMENT "Manual page ${_fb_program}(1) from its --help"
      VERBATIM)
    list(APPEND _fb_man_pages "${_fb_page}")
  endforeach()
  add_custom_target(facebench-man-pages ALL DEPENDS ${_fb_man_pages})
  install(FILES ${_fb_man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

  unset(_fb_man_dir)
  unset(_fb_man_pages)
  unset(_fb_program)
  unset(_fb_page)
  unset(_fb_verbs)
endif()
