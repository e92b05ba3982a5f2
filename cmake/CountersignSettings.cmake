# countersign_apply_settings(TARGET)
#
# The one place where every Countersign target gets its compile settings:
# warnings (errors when COUNTERSIGN_WERROR is on), the Qt macros that keep
# string and keyword handling explicit, and the sanitizers for the asan and fuzz presets.
function(countersign_apply_settings target)
    target_compile_features(${target} PUBLIC cxx_std_20)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_CAST_FROM_BYTEARRAY
        QT_NO_KEYWORDS
        QT_NO_FOREACH
        QT_NO_URL_CAST_FROM_STRING
        QT_STRICT_ITERATORS
        QT_USE_QSTRINGBUILDER
        COUNTERSIGN_VERSION="${PROJECT_VERSION}")
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE
            -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
            -Wcast-align -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
        if(COUNTERSIGN_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
        if(COUNTERSIGN_SANITIZE)
            target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                -fno-sanitize-recover=undefined)
            target_link_options(${target} PRIVATE -fsanitize=address,undefined)
        endif()
        if(COUNTERSIGN_FUZZ)
            # Coverage instrumentation for libFuzzer in every library, plus the
            # sanitizers that turn silent corruption into a crash it can find.
            target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link,address,undefined
                -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
            target_link_options(${target} PRIVATE -fsanitize=address,undefined)
        endif()
    endif()
endfunction()

# countersign_add_library(NAME [QT ...] [LIBS ...])
#
# A layer folder becomes one static library; its sources are added by the
# folder's CMakeLists with target_sources().
function(countersign_add_library name)
    add_library(${name} STATIC)
    countersign_apply_settings(${name})
    target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
endfunction()

# countersign_add_executable(NAME SOURCES...)
function(countersign_add_executable name)
    add_executable(${name} ${ARGN})
    countersign_apply_settings(${name})
endfunction()
