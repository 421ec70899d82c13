# Reads packaging/debian-packages.txt, the one list of Debian packages (see its header).
# Kept apart from CPackConfig.cmake so it can also run in script mode (cmake -P) for checks.
#
#   facebench_debian_packages(<out-var> ROLE <build|run|test> [FILE <path>])
#
# Sets <out-var> to the packages of that role, in file order, without duplicates.
# A malformed line is a FATAL_ERROR that names the file and line.

set(_FACEBENCH_DEBIAN_PACKAGES_FILE "${CMAKE_CURRENT_LIST_DIR}/debian-packages.txt")

function(facebench_debian_packages out_var)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "ROLE;FILE" "")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "facebench_debian_packages: unexpected arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_ROLE MATCHES "^(build|run|test)$")
    message(FATAL_ERROR "facebench_debian_packages: ROLE must be build, run or test, not '${arg_ROLE}'")
  endif()
  if(NOT arg_FILE)
    set(arg_FILE "${_FACEBENCH_DEBIAN_PACKAGES_FILE}")
  endif()
  if(NOT EXISTS "${arg_FILE}")
    message(FATAL_ERROR "facebench_debian_packages: ${arg_FILE} does not exist")
  endif()

  # file(STRINGS) would drop blank lines and so shift line numbers: read it whole instead.
  file(READ "${arg_FILE}" content)
  # Protect list separators before splitting the text into lines.
  string(REPLACE ";" "\\;" content "${content}")
  string(REPLACE "\r" "" content "${content}")
  string(REPLACE "\n" ";" lines "${content}")

  set(result "")
  set(lineno 0)
  foreach(line IN LISTS lines)
    math(EXPR lineno "${lineno} + 1")
    string(REGEX REPLACE "#.*$" "" line "${line}")
    string(STRIP "${line}" line)
    if(line STREQUAL "")
      continue()
    endif()
    # Debian package names: lower-case letters, digits, + - . (Debian Policy 5.6.1).
    if(NOT line MATCHES "^([a-z]+)[ \t]+([a-z0-9][a-z0-9+.-]+)$")
      message(FATAL_ERROR "${arg_FILE}:${lineno}: expected 'ROLE PACKAGE  # why', got '${line}'")
    endif()
    set(role "${CMAKE_MATCH_1}")
    set(package "${CMAKE_MATCH_2}")
    if(NOT role MATCHES "^(build|run|test)$")
      message(FATAL_ERROR "${arg_FILE}:${lineno}: unknown role '${role}' (build, run or test)")
    endif()
    if(role STREQUAL arg_ROLE)
      list(APPEND result "${package}")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES result)
  set(${out_var} "${result}" PARENT_SCOPE)
endfunction()
