#!/usr/bin/env bash
# Refreshes the screenshots README shows (docs/screenshots/) from the real-browser tests, which photograph every
# page at 1280x800 and 390x844 in Debian's headless Chromium. Needs what `dotnet test` needs.
#
#   bash scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
all=$(mktemp -d)
trap 'rm -rf "$all"' EXIT
SESSIONSITE_SCREENSHOTS="$all" dotnet test --filter "FullyQualifiedName~RealBrowser" --nologo -v quiet
mkdir -p docs/screenshots
for name in home-anonymous-1280x800 home-signed-in-1280x800 profile-1280x800 sessions-1280x800 account-1280x800 \
    signin-1280x800 two-step-enrol-1280x800 sessions-390x844 service-unavailable-1280x800; do
    cp "$all/$name.png" docs/screenshots/
done
# Every settings page at both sizes and in dark mode (SettingsLookTests), and the signed-in home in dark mode.
cp "$all"/settings-*.png "$all"/home-signed-in-dark-1280x800.png docs/screenshots/
echo "docs/screenshots/ refreshed: $(ls docs/screenshots | wc -l) files"
