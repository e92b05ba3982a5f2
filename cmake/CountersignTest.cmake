# countersign_add_test(layer.Name SOURCES ... [LIBS ...] [LABELS ...] [DATA_DIR dir] [TIMEOUT s])
#
# Registers one Qt Test suite with CTest under the name `layer.Name`, run on
# the offscreen platform, labelled with its layer, and told where its test data
# and the shipped scenarios live.
function(countersign_add_test name)
    cmake_parse_arguments(ARG "" "DATA_DIR;TIMEOUT" "SOURCES;LIBS;LABELS;DEPENDS" ${ARGN})
    string(REPLACE "." "_" target "test_${name}")
    string(REGEX MATCH "^[^.]+" layer "${name}")
    if(NOT ARG_DATA_DIR)
        set(ARG_DATA_DIR "${PROJECT_SOURCE_DIR}/tests/data")
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    add_executable(${target} ${ARG_SOURCES})
    countersign_apply_settings(${target})
    target_link_libraries(${target} PRIVATE Qt6::Test ${ARG_LIBS})
    target_include_directories(${target} PRIVATE "${PROJECT_SOURCE_DIR}/tests")
    target_compile_definitions(${target} PRIVATE
        COUNTERSIGN_TEST_DATA_DIR="${ARG_DATA_DIR}"
        COUNTERSIGN_SCENARIO_DIR="${PROJECT_SOURCE_DIR}/resources/scenarios"
        COUNTERSIGN_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/tests")
    if(ARG_DEPENDS)
        add_dependencies(${target} ${ARG_DEPENDS})
    endif()
    add_test(NAME ${name} COMMAND ${target})
    set_tests_properties(${name} PROPERTIES
        LABELS "${layer};${ARG_LABELS}"
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;COUNTERSIGN_TEST_DATA=${ARG_DATA_DIR};QT_LOGGING_RULES=qt.qpa.*=false")
endfunction()
