#!/bin/sh
# Apply TorchSharp's native fix once, at image build time, so no user's kernel ever writes a patched copy.
#
# Usage: apply-native-fix.sh APP_DIR   (APP_DIR: the published course, holding Course.Cli.dll)
#
# TorchSharp-cpu 0.107's libLibTorchSharp.so asks libstdc++ for GLIBCXX_3.4.32 (GCC 13). Where the system's libstdc++ is
# older (Debian 12), the course writes a patched copy to ~/.cache/course/native/ on first use (lib/Course/Native). In an
# image that would happen in every user's home, at every first start. This script lets `course` make that copy once, in a
# throw-away cache, and puts it in place of the published library (a copy made by `dotnet publish`, never NuGet's cache).
# The course then finds no missing version and loads the library as it is. Where the system's libstdc++ is new enough
# (Ubuntu 24.04 has GCC 14's) no copy is made and nothing changes. Either way a smoke notebook must then run with an
# empty cache that stays empty, or the build fails.
set -eu
app=${1:?usage: apply-native-fix.sh APP_DIR}
[ -f "$app/Course.Cli.dll" ] || { echo "apply-native-fix.sh: $app/Course.Cli.dll not found: give the folder of the published course" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A one-cell notebook that loads the course library and computes with libtorch.
cat > "$work/smoke.ipynb" <<'NOTEBOOK'
{"nbformat": 4, "nbformat_minor": 5,
 "metadata": {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
              "language_info": {"name": "polyglot-notebook"}},
 "cells": [{"cell_type": "code", "id": "smoke", "metadata": {}, "execution_count": null, "outputs": [],
            "source": "#r \"nuget: Course, 0.1.0\"\nConsole.WriteLine($\"libtorch ok: {TorchSharp.torch.ones(3).sum().item<float>()}\");"}]}
NOTEBOOK

smoke() {   # run the smoke notebook with $1 as the only cache
  XDG_CACHE_HOME="$1" dotnet "$app/Course.Cli.dll" run "$work/smoke.ipynb" --out "$work/out" --no-targets >"$work/log" 2>&1 \
    || { cat "$work/log" >&2; echo "apply-native-fix.sh: the smoke notebook failed" >&2; exit 1; }
  grep -q "libtorch ok: 3" "$work/out/smoke.ipynb" || { echo "apply-native-fix.sh: the smoke notebook printed no result" >&2; exit 1; }
}

mkdir "$work/cache1" "$work/cache2"
smoke "$work/cache1"
patched=$(find "$work/cache1" -name libLibTorchSharp.so | head -n 1)
if [ -z "$patched" ]; then
  echo "TorchSharp native fix: not needed here ($(ldd --version | head -n 1))"
else
  replaced=0
  for original in "$app/libLibTorchSharp.so" "$app/runtimes/linux-x64/native/libLibTorchSharp.so"; do
    [ -f "$original" ] || continue
    cp --remove-destination "$patched" "$original"   # a new file: a hard link into a package cache is never written through
    replaced=$((replaced + 1))
  done
  [ "$replaced" -gt 0 ] || { echo "apply-native-fix.sh: no libLibTorchSharp.so under $app to replace" >&2; exit 1; }
  echo "TorchSharp native fix: applied to $replaced published copy(ies) of libLibTorchSharp.so"
fi
smoke "$work/cache2"
[ -z "$(find "$work/cache2" -name libLibTorchSharp.so)" ] || { echo "apply-native-fix.sh: the course still patches at run time" >&2; exit 1; }
echo "TorchSharp native fix: verified (a fresh cache stays empty, libtorch computes)"
