#!/usr/bin/env python3
# Checks the Flatpak manifest against the meson build: the app's identity,
# its sandbox holes, and that every dependency() the build asks for is either
# in the runtime or built as a module. Standard library only.
#
# Usage: check-manifest.py MANIFEST SOURCE_ROOT

import json
import os
import re
import sys

APP_ID = 'ru.urok.Urok'
RUNTIME = 'org.gnome.Platform'
SDK = 'org.gnome.Sdk'
COMMAND = 'urok'
FORBIDDEN_FINISH_ARGS = ('--filesystem=host', '--filesystem=home')

# Dependencies meson resolves itself, without pkg-config.
MESON_BUILTIN_DEPS = {'threads', 'openmp', 'intl', 'iconv', 'dl'}

# Directories under the source root whose meson.build files are not part of
# the Flatpak build: fuzzers need clang and are off there; subprojects and
# flatpak-builder's state carry other projects' files.
SKIP_DIRS = {'fuzz', 'subprojects'}


def fail(message):
    print('FAIL: ' + message)
    sys.exit(1)


def strip_comments(text):
    """Drops meson '#' comments, leaving '#' inside string literals alone."""
    out = []
    i = 0
    quote = None
    while i < len(text):
        if quote is None and text.startswith("'''", i):
            end = text.find("'''", i + 3)
            end = len(text) if end < 0 else end + 3
            out.append(text[i:end])
            i = end
            continue
        c = text[i]
        if quote is not None:
            out.append(c)
            if c == '\\' and i + 1 < len(text):
                out.append(text[i + 1])
                i += 1
            elif c == quote:
                quote = None
        elif c == "'":
            quote = c
            out.append(c)
        elif c == '#':
            while i < len(text) and text[i] != '\n':
                i += 1
            continue
        else:
            out.append(c)
        i += 1
    return ''.join(out)


# dependency('a') or dependency('a', 'b', version: ...): the leading string
# literals are alternative names. dependency(name_var) has none and is skipped.
DEPENDENCY_RE = re.compile(r"\bdependency\s*\(\s*((?:'[^']*'\s*,?\s*)+)")
NAME_RE = re.compile(r"'([^']*)'")


def meson_files(source_root):
    for dirpath, dirnames, filenames in os.walk(source_root):
        rel = os.path.relpath(dirpath, source_root)
        # A meson build directory (it may live inside the source tree).
        if 'meson-private' in dirnames or 'meson-info' in dirnames:
            dirnames[:] = []
            continue
        dirnames[:] = sorted(d for d in dirnames
                             if not d.startswith('.')
                             and not (rel == '.' and d in SKIP_DIRS))
        if 'meson.build' in filenames:
            yield os.path.join(dirpath, 'meson.build')


def required_dependencies(source_root):
    """Returns {(name, ...): [file, ...]} for every literal dependency() call."""
    found = {}
    for path in meson_files(source_root):
        with open(path, encoding='utf-8') as f:
            text = strip_comments(f.read())
        for match in DEPENDENCY_RE.finditer(text):
            names = tuple(NAME_RE.findall(match.group(1)))
            rel = os.path.relpath(path, source_root)
            found.setdefault(names, [])
            if rel not in found[names]:
                found[names].append(rel)
    return found


def load_json(path):
    try:
        with open(path, encoding='utf-8') as f:
            return json.load(f)
    except OSError as e:
        fail('cannot read {}: {}'.format(path, e.strerror))
    except json.JSONDecodeError as e:
        fail('{} is not valid JSON: line {}, column {}: {}'.format(
            path, e.lineno, e.colno, e.msg))


def walk_modules(modules, base_dir):
    """Yields every module dict, following nested modules and module files."""
    for module in modules:
        if isinstance(module, str):
            path = os.path.join(base_dir, module)
            loaded = load_json(path)
            yield from walk_modules([loaded], os.path.dirname(path))
        elif isinstance(module, dict):
            yield module
            yield from walk_modules(module.get('modules', []), base_dir)
        else:
            fail('a module is neither an object nor a file name: {!r}'.format(module))


def main(argv):
    if len(argv) != 3:
        print('usage: {} MANIFEST SOURCE_ROOT'.format(argv[0]), file=sys.stderr)
        return 2
    manifest_path, source_root = argv[1], argv[2]
    if not os.path.isdir(source_root):
        fail('source root {} is not a directory'.format(source_root))

    manifest = load_json(manifest_path)
    if not isinstance(manifest, dict):
        fail('{} does not hold a JSON object'.format(manifest_path))
    print('parsed {}'.format(manifest_path))

    app_id = manifest.get('id', manifest.get('app-id'))
    if app_id != APP_ID:
        fail('app id is {!r}, expected {!r}'.format(app_id, APP_ID))
    print('ok: app id {}'.format(app_id))

    for key, expected in (('runtime', RUNTIME), ('sdk', SDK), ('command', COMMAND)):
        if manifest.get(key) != expected:
            fail('{} is {!r}, expected {!r}'.format(key, manifest.get(key), expected))
        print('ok: {} {}'.format(key, expected))
    if not manifest.get('runtime-version'):
        fail('runtime-version is not set')
    print('ok: runtime-version {}'.format(manifest['runtime-version']))

    finish_args = manifest.get('finish-args', [])
    for arg in finish_args:
        # '--filesystem=home:ro' is as much a hole as '--filesystem=home'.
        if arg.split(':')[0] in FORBIDDEN_FINISH_ARGS:
            fail('finish-args has {}: files must go through the portals'.format(arg))
    print('ok: finish-args {} (no host or home filesystem)'.format(' '.join(finish_args)))

    provided = {}
    for name in manifest.get('x-runtime-provides', []):
        provided[name] = 'the runtime (x-runtime-provides)'
    modules = list(walk_modules(manifest.get('modules', []),
                                os.path.dirname(os.path.abspath(manifest_path))))
    for module in modules:
        label = 'module {}'.format(module.get('name', '?'))
        if 'name' in module:
            provided.setdefault(module['name'], label)
        for name in module.get('x-pkgconfig', []):
            provided.setdefault(name, label + ' (x-pkgconfig)')

    if not modules or modules[-1].get('name') != COMMAND:
        fail('the last module must be {!r}, the app itself'.format(COMMAND))
    if modules[-1].get('buildsystem') != 'meson':
        fail('module {!r} must use buildsystem meson'.format(COMMAND))
    print('ok: last module is {} (meson)'.format(COMMAND))

    deps = required_dependencies(source_root)
    if not deps:
        fail('found no dependency() call under {}: wrong source root?'.format(source_root))
    missing = []
    for names in sorted(deps):
        where = ', '.join(deps[names])
        shown = ' / '.join(names)
        if any(n in MESON_BUILTIN_DEPS for n in names):
            print('ok: {} is built into meson ({})'.format(shown, where))
            continue
        source = next((provided[n] for n in names if n in provided), None)
        if source is None:
            missing.append((shown, where))
        else:
            print('ok: {} from {} ({})'.format(shown, source, where))

    if missing:
        for shown, where in missing:
            print('FAIL: dependency {!r} (in {}) is neither in x-runtime-provides '
                  'nor built by a module (name or x-pkgconfig) of {}'.format(
                      shown, where, manifest_path))
        print('Add a module that builds it to the manifest, or, if the runtime '
              'really ships it, add it to x-runtime-provides.')
        return 1

    print('all {} dependencies are available in the Flatpak build'.format(len(deps)))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
