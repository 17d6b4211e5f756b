"""Zoom-key latency of the real window under software rendering (issue 15).

Sends a zoom key to the running Annals window (XTest, key press only, alternately W and S) and
times, from X Damage events, when the window is repainted and in which repaint the new view is
on screen: the first repaint whose status bar (it names the view's range) differs from before
the key. Run against a window on Xvfb, where OpenGL is Mesa's llvmpipe:

    pip install python-xlib
    Xvfb :93 -screen 0 1600x900x24 -nolisten tcp &
    annals gen --events 10000 --seed 7 -o /tmp/g10k.json
    DISPLAY=:93 annals /tmp/g10k.json &
    sleep 4; DISPLAY=:93 python3 benches/zoom_latency.py 12

Not a timed test: numbers depend on the machine and go in docs/benchmarks.md.
"""
import sys, time, hashlib
from Xlib import X, display, XK
from Xlib.ext import damage, xtest

d = display.Display()
root = d.screen().root

def find(win):
    try:
        name = win.get_wm_name()
    except Exception:
        name = None
    if name and 'Annals' in str(name):
        return win
    for child in win.query_tree().children:
        found = find(child)
        if found:
            return found
    return None

win = None
for _ in range(100):
    win = find(root)
    if win:
        break
    time.sleep(0.1)
if not win:
    sys.exit('no Annals window')
geo = win.get_geometry()
d.damage_query_version()
win.damage_create(damage.DamageReportRawRectangles)
win.set_input_focus(X.RevertToParent, X.CurrentTime)
d.sync()

def strip():
    img = win.get_image(0, geo.height - 24, geo.width, 24, X.ZPixmap, 0xffffffff)
    return hashlib.md5(img.data).hexdigest()

def frames_after(t0, quiet, before):
    """Repaint times (ms after t0), and the first whose status bar differs from `before`."""
    last = time.perf_counter()
    frames, changed = [], None
    while True:
        got = False
        while d.pending_events():
            e = d.next_event()
            if e.type == d.extension_event.DamageNotify:
                got = True
        now = time.perf_counter()
        if got:
            if not frames or (now - t0) * 1e3 - frames[-1] > 8:
                frames.append((now - t0) * 1e3)
            if changed is None and strip() != before:
                changed = (now - t0) * 1e3
            last = now
        if now - last > quiet:
            return frames, changed
        time.sleep(0.0003)

frames_after(time.perf_counter(), 1.0, None)
trials = int(sys.argv[1]) if len(sys.argv) > 1 else 10
rows = []
for k in range(trials):
    key = 'w' if k % 2 == 0 else 's'
    code = d.keysym_to_keycode(XK.string_to_keysym(key))
    before = strip()
    t0 = time.perf_counter()
    xtest.fake_input(d, X.KeyPress, code)
    d.sync()
    frames, changed = frames_after(t0, 0.3, before)
    rows.append((changed, frames))
    xtest.fake_input(d, X.KeyRelease, code)
    d.sync()
    frames_after(time.perf_counter(), 0.3, None)
for changed, frames in rows:
    index = next((i for i, f in enumerate(frames) if changed is not None and f >= changed - 0.01), None)
    print(f"new view on screen {changed if changed is None else round(changed, 1)} ms, in repaint {None if index is None else index + 1} of {len(frames)} (repaints at {[round(f, 1) for f in frames]})")
ok = sorted(c for c, _ in rows if c is not None)
print(f"median {ok[len(ok)//2]:.1f} ms over {len(ok)} keys")
