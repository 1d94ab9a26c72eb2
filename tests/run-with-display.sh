#!/bin/sh
# Runs a UI test on its own X server and session bus, as CI has neither.
exec dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$@"
