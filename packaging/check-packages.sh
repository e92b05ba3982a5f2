#!/usr/bin/env bash
# check-packages.sh BUILD_DIR
#
# Builds the two Debian packages from an already built tree, unpacks them into
# a fresh root (dpkg-deb -x: nothing is installed on this machine), and checks
# what an installation needs: the dependencies resolve against Debian's
# packages (apt-get --simulate), the binaries start from the unpacked root,
# the systemd unit, desktop file and AppStream metainfo validate, and the
# shipped /etc configuration runs a broker on state made by the package's own
# setup script.
set -euo pipefail
build=${1:?usage: check-packages.sh BUILD_DIR}
build=$(cd "$build" && pwd)
packages="$build/packages"

rm -rf "$packages"
cpack --config "$build/CPackConfig.cmake" -B "$packages" >/dev/null
console=$(ls "$packages"/countersign_*.deb)
broker=$(ls "$packages"/countersignd_*.deb)

work=$(mktemp -d)
broker_pid=""
cleanup() {
    if [ -n "$broker_pid" ]; then kill "$broker_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
root="$work/root"
mkdir -p "$root"
for deb in "$console" "$broker"; do
    echo "$(basename "$deb"): Depends: $(dpkg-deb -f "$deb" Depends)"
    dpkg-deb -x "$deb" "$root"
done

# dpkg-shlibdeps found the libraries; the plugins are listed by hand.
for want in libqt6widgets6 libqt6websockets6 libqt6dbus6 libssl3 libqt6sql6-sqlite libqt6svg6; do
    dpkg-deb -f "$console" Depends | grep -q "$want" || { echo "countersign does not depend on $want" >&2; exit 1; }
done
for want in libqt6httpserver6 libqt6websockets6 libssl3 libqt6sql6-sqlite adduser; do
    dpkg-deb -f "$broker" Depends | grep -q "$want" || { echo "countersignd does not depend on $want" >&2; exit 1; }
done
dpkg-deb -f "$broker" Depends | grep -qv libqt6widgets6 || { echo "countersignd must not need Qt Widgets" >&2; exit 1; }
# Every dependency resolves against what Debian provides (no change is made).
apt-get install --simulate --no-install-recommends "$console" "$broker" >"$work/apt.log" 2>&1 \
    || { cat "$work/apt.log" >&2; exit 1; }
dpkg-deb -I "$broker" conffiles | grep -qx /etc/countersignd/countersignd.conf
dpkg-deb -I "$broker" conffiles | grep -qx /etc/countersignd/policy.toml

QT_QPA_PLATFORM=offscreen "$root/usr/bin/countersign" --version
QT_QPA_PLATFORM=offscreen "$root/usr/bin/countersign" --help >/dev/null
"$root/usr/bin/countersignd" --version
"$root/usr/bin/countersignctl" --help >/dev/null

# The unit as installed, with ExecStart pointing into the unpacked root, checked
# against this machine's systemd (its targets and /bin/kill); and its hardening
# scored, failing above 2.0 (systemd counts in tenths: threshold 20; "OK" is below 4.0).
mkdir -p "$work/unit"
sed "s#/usr/bin/countersignd#$root/usr/bin/countersignd#" "$root/lib/systemd/system/countersignd.service" \
    >"$work/unit/countersignd.service"
systemd-analyze verify "$work/unit/countersignd.service"
systemd-analyze security --offline=yes --threshold=20 "$work/unit/countersignd.service" | tail -n 1
desktop-file-validate "$root/usr/share/applications/example.countersign.Countersign.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/example.countersign.Countersign.metainfo.xml"
test -f "$root/usr/share/icons/hicolor/scalable/apps/example.countersign.Countersign.svg"
for size in 16 22 24 32 48 64 128 256 512; do
    test -f "$root/usr/share/icons/hicolor/${size}x${size}/apps/example.countersign.Countersign.png"
done

# The shipped configuration, pointed at scratch directories instead of /etc and
# /var/lib, on state made by the package's setup script: the broker serves it.
mkdir -p "$work/etc" "$work/state"
sed -e "s#/var/lib/countersignd#$work/state#g" "$root/etc/countersignd/countersignd.conf" >"$work/etc/countersignd.conf"
cp "$root/etc/countersignd/policy.toml" "$work/etc/policy.toml"
COUNTERSIGND="$root/usr/bin/countersignd" "$root/usr/lib/countersignd/countersignd-setup" "$work/state" "$work/etc/countersignd.conf"
test -f "$work/state/keys/broker.key" && test -f "$work/state/tls/broker.crt" && test -f "$work/state/countersignd.db"
test ! -e "$work/state/countersignd.conf"
# Running it again changes nothing.
COUNTERSIGND=/bin/false "$root/usr/lib/countersignd/countersignd-setup" "$work/state" "$work/etc/countersignd.conf"
"$root/usr/bin/countersignd" serve --config "$work/etc/countersignd.conf" --listen 127.0.0.1:0 >"$work/serve.log" 2>&1 &
broker_pid=$!
for _ in $(seq 1 100); do
    grep -q '^listening on https://' "$work/serve.log" && break
    kill -0 "$broker_pid" 2>/dev/null || break
    sleep 0.1
done
grep '^listening on https://' "$work/serve.log" || { cat "$work/serve.log" >&2; exit 1; }
kill -TERM "$broker_pid"
wait "$broker_pid" || { echo "countersignd did not stop cleanly on SIGTERM" >&2; cat "$work/serve.log" >&2; exit 1; }
broker_pid=""
"$root/usr/bin/countersignd" audit verify --config "$work/etc/countersignd.conf"
echo "packages OK: $(basename "$console") $(basename "$broker")"
