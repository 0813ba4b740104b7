#!/usr/bin/env bash
# Install the Debian packages named as arguments that are not installed yet.
# Uses sudo when not root; when neither works, says what to install and exits with
# $DEBIAN_PACKAGES_OPTIONAL (0 for packages the run can do without, e.g. a nicer font).
set -euo pipefail
missing=()
for package in "$@"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo); else
  echo "Saknade Debianpaket: ${missing[*]} (installera dem med apt-get som root)." >&2
  exit "${DEBIAN_PACKAGES_OPTIONAL:-1}"
fi
echo "Installerar Debianpaket: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
