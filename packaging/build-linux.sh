#!/usr/bin/env bash
# Builds DeepWire's Linux app image and .deb with jpackage (JDK 17): a bundled Java runtime, the CPU
# backend (linux-x86_64 native libraries only), the application icon, a desktop entry and the .dwproj
# file association. The samples and their data are installed beside the jar.
#
#   packaging/build-linux.sh          # CPU build
#   packaging/build-linux.sh --cuda   # adds the CUDA 11.6 backend (much larger; needs CUDA 11.6 to use it)
#
# Output: target/dist/DeepWire/ (app image; run target/dist/DeepWire/bin/DeepWire) and
# target/dist/deepwire_<version>_amd64.deb (needs dpkg-deb and fakeroot to build).
set -euo pipefail
cd "$(dirname "$0")/.."
profile=()
if [ "${1:-}" = "--cuda" ]; then profile=(-Pcuda); fi
mvn -q -B -DskipTests "${profile[@]}" package
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\?</version>.*:\1:p' pom.xml | head -n 1)
input=target/jpackage-input
rm -rf "$input" target/dist
mkdir -p "$input" target/dist
# Only the jars the jar's manifest names: target/lib keeps the jars of earlier builds (Maven adds, never removes), and a
# dependency whose version changed since would ship twice (commons-io 2.7 beside 2.20.0 once)
manifest=$(mktemp -d)
(cd "$manifest" && jar xf "$OLDPWD/target/deepwire.jar" META-INF/MANIFEST.MF)
classpath=$(tr -d '\r' < "$manifest/META-INF/MANIFEST.MF" \
  | awk '/^Class-Path: /{on=1; sub(/^Class-Path: /, ""); printf "%s", $0; next} on && /^ /{sub(/^ /, ""); printf "%s", $0; next} {on=0}')
rm -rf "$manifest"
cp target/deepwire.jar "$input"/
for jar in $classpath; do cp "target/$jar" "$input"/; done
cp -r sample-projects "$input"/
cp LICENSE NOTICE "$input"/
cp docs/third-party.md "$input"/THIRD-PARTY.md
common=(--name DeepWire --app-version "$version" --vendor "DeepWire" --icon assets/icons/deepwire.png)
# The runtime keeps bin/java (jpackage strips it by default): the workbench starts its training process with it.
jpackage --type app-image "${common[@]}" --input "$input" --main-jar deepwire.jar --main-class dev.deepwire.Main \
  --java-options '-Xmx3g' --jlink-options '--strip-debug --no-man-pages --no-header-files' --dest target/dist
if command -v dpkg-deb > /dev/null && command -v fakeroot > /dev/null; then
  # packaging/linux/deepwire-DeepWire.desktop replaces jpackage's desktop entry, whose Exec line passes no file:
  # "Exec=… %f" hands a double-clicked .dwproj to DeepWire, which opens the workbench on it.
  jpackage --type deb "${common[@]}" --app-image target/dist/DeepWire --dest target/dist --license-file LICENSE \
    --linux-package-name deepwire --linux-shortcut --linux-menu-group Development \
    --description "Draw neural networks and watch them learn" \
    --file-associations packaging/dwproj.properties \
    --resource-dir packaging/linux
fi
du -sh target/dist/DeepWire target/dist/*.deb 2>/dev/null || true
