#!/usr/bin/env bash
# Install every Debian package geokg needs to build, test and render.
# Idempotent and non-interactive; installs only what is missing.
# Works as root on a bare Debian 12; uses sudo when run as another user.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  librocksdb-dev
  libboost-graph-dev libboost-test-dev
  nlohmann-json3-dev libcli11-dev
  libgumbo-dev libutf8proc-dev zlib1g-dev
  iso-codes graphviz
  libsqlite3-dev
  python3 python3-networkx libxml2-utils sqlite3
  clang libclang-rt-14-dev
  libcpp-httplib-dev node-d3 libjs-leaflet
  chromium chromium-driver python3-selenium
  # The gazetteer's sources (scripts/gen_gazetteer.py; CTest data_gazetteer_fresh):
  # GeoNames cities (CC BY 4.0) as libgeonames0 carries them, read with GLib's
  # gresource (the GPL library is never linked), their English names
  # (libgeonames-common), countries and subdivisions (ruby-countries, MIT).
  libgeonames0 libgeonames-common libglib2.0-bin ruby-countries python3-yaml
)

# For the cluster checks (scripts/scale/check.sh): installed when they can be;
# where they cannot, those checks are skipped with a message saying so.
optional=(parallel slurm-wlm munge)

missing_of() {
  local p
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      echo "$p"
    fi
  done
}
mapfile -t missing < <(missing_of "${packages[@]}")
mapfile -t missing_optional < <(missing_of "${optional[@]}")

if [ ${#missing[@]} -eq 0 ] && [ ${#missing_optional[@]} -eq 0 ]; then
  echo "setup: all $(( ${#packages[@]} + ${#optional[@]} )) packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ ${#missing_optional[@]} -gt 0 ]; then
  echo "setup: installing ${missing_optional[*]} (cluster checks)"
  $SUDO apt-get install -y -qq --no-install-recommends "${missing_optional[@]}" ||
    echo "setup: could not install ${missing_optional[*]}; the scale checks will be skipped" >&2
fi
