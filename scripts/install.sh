#!/bin/sh
# Installs duban from an unpacked release (bin/, lib/, share/ beside this script)
# into a prefix, without root:  install.sh [--prefix DIR]   (default ~/.local)
# Removes what it installed, and only that:  install.sh --uninstall [--prefix DIR]
# PREFIX/lib/duban/installed lists the files it copied and the directories it had
# to create, so uninstalling leaves PREFIX as it was before.
set -eu

prefix="${HOME:-}/.local"
uninstall=no
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a directory" >&2; exit 2; }
                  prefix="$2"; shift 2 ;;
        --prefix=*) prefix="${1#--prefix=}"; shift ;;
        --uninstall) uninstall=yes; shift ;;
        -h|--help) sed -n '2,6s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown argument '$1' (use --prefix DIR, --uninstall)" >&2; exit 2 ;;
    esac
done
[ -n "$prefix" ] && [ "$prefix" != /.local ] || { echo "install.sh: HOME is not set; give --prefix DIR" >&2; exit 2; }
case "$prefix" in /*) ;; *) prefix="$(pwd)/$prefix" ;; esac
prefix="${prefix%/}"
manifest="$prefix/lib/duban/installed"

if [ "$uninstall" = yes ]; then
    [ -f "$manifest" ] || { echo "install.sh: nothing to uninstall: $manifest is missing" >&2; exit 1; }
    listed="$(cat "$manifest")"
    # Files first, then the directories the install created, deepest first, only if empty.
    printf '%s\n' "$listed" | sed -n 's/^file //p' | while IFS= read -r path; do rm -f "$prefix/$path"; done
    rm -f "$manifest"
    printf '%s\n' "$listed" | sed -n 's/^dir //p' | sort -r | while IFS= read -r path; do
        [ "$path" = . ] && path=""  # the prefix itself, when the install made it
        rmdir "$prefix/$path" 2>/dev/null || true
    done
    echo "Removed duban from $prefix."
    exit 0
fi

source="$(cd "$(dirname "$0")" && pwd)"
[ -x "$source/bin/duban" ] || { echo "install.sh: $source/bin/duban is missing; run this script from the unpacked release" >&2; exit 1; }

listing="$(mktemp)"
trap 'rm -f "$listing"' EXIT
# Directories an earlier install created still belong to duban.
[ -f "$manifest" ] && grep '^dir ' "$manifest" >> "$listing" || true
[ -d "$prefix" ] || { mkdir -p "$prefix"; echo "dir ." >> "$listing"; }
cd "$source"
find bin lib share -type d | sort | while IFS= read -r path; do
    [ -d "$prefix/$path" ] || { mkdir "$prefix/$path"; echo "dir $path" >> "$listing"; }
done
find bin lib share -type f | sort | while IFS= read -r path; do
    cp "$path" "$prefix/$path"
    echo "file $path" >> "$listing"
done
chmod 755 "$prefix/bin/duban"
# A copy of this script, so duban can be uninstalled after the release is deleted.
cp "$source/install.sh" "$prefix/lib/duban/install.sh"
echo "file lib/duban/install.sh" >> "$listing"
sort -u "$listing" > "$manifest"

echo "Installed duban into $prefix:"
echo "  bin/duban                      the program"
echo "  lib/duban/Samples, Themes      the sample plans and the colour themes"
echo "  share/man/man1/duban.1         the manual"
echo "  share/bash-completion, share/zsh, share/fish   shell completions"
case ":${PATH:-}:" in
    *":$prefix/bin:"*) echo "Run:     duban                (the dashboard; the first run creates a store with the sample plans)" ;;
    *) echo "Run:     $prefix/bin/duban    (the dashboard; the first run creates a store with the sample plans)"
       echo "         or add it to PATH:  export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
echo "Manual:  man -l $prefix/share/man/man1/duban.1"
echo "Remove:  sh $prefix/lib/duban/install.sh --uninstall --prefix $prefix"
