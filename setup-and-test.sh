#!/usr/bin/env bash
# Installs what is missing (apt-get), builds with warnings as errors, and runs the whole test suite under CTest.
set -euo pipefail
cd "$(dirname "$0")"
. packaging/setup-common.sh
scr_install_missing $SCR_TEST_PACKAGES
scr_build build-ci -DSCR_WERROR=ON
export QT_QPA_PLATFORM=offscreen
ctest --test-dir build-ci --output-on-failure --timeout 600 -j "$(nproc)"
