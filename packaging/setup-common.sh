# Sourced by setup-and-run.sh and setup-and-test.sh: installs what is missing, then configures and builds.
# Safe to run again: apt-get runs only when a package is missing, and the build is incremental.

SCR_PACKAGES="qt6-base-dev qt6-charts-dev libqt6opengl6-dev libspdlog-dev libqt6sql6-sqlite qt6-tools-dev
qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n qt6-svg-dev libsqlite3-dev pkg-config xvfb xauth
cmake ninja-build g++"
# (qt6-l10n-tools: lrelease builds the console's German .qm; qt6-translations-l10n: Qt's own German strings.)
# The test command's too: clang and libclang-rt-14-dev (libFuzzer and the sanitizers' runtimes; only a
# Recommends of clang) build the fuzz targets (tests/fuzz). Without them the fuzz entries are off.
# And what the package's test needs (tests/packaging/check-package.sh): help2man makes the manual pages at
# build time; cpack's .deb needs dpkg-dev and file; the validators lintian, desktop-file-validate
# (desktop-file-utils), appstreamcli (appstream) and groff check it.
SCR_TEST_PACKAGES="clang libclang-rt-14-dev help2man dpkg-dev file lintian desktop-file-utils appstream groff-base"

# scr_install_missing [extra packages...]
scr_install_missing() {
    local missing=()
    for p in $SCR_PACKAGES "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# scr_build BUILD_DIR [extra cmake args...]: every target, or only $SCR_BUILD_TARGETS when set.
scr_build() {
    local dir=$1
    shift
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
    if [ -n "${SCR_BUILD_TARGETS:-}" ]; then
        # shellcheck disable=SC2086 # a list of target names
        cmake --build "$dir" --parallel "$(nproc)" --target $SCR_BUILD_TARGETS
    else
        cmake --build "$dir" --parallel "$(nproc)"
    fi
}
