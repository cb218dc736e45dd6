"""Draws bench/results/chart.svg from bench/results/run.csv (and roundtrip.csv, the one-read floor): requests/s and
p99 per connection count, SessionSite's signed-in /profile against the AddSession baseline and the floor.
Plain SVG written by hand: two grouped bar panels need no charting library."""
import csv, html, statistics, sys
from collections import defaultdict

results = sys.argv[1] if len(sys.argv) > 1 else "bench/results"


def ms(text):
    text = text.strip()
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * factor
    return float(text)


rows = list(csv.DictReader(open(f"{results}/run.csv")))
date = rows[0]["date"] if rows else ""
rps, p99 = defaultdict(dict), defaultdict(dict)
for row in rows:
    rps[row["page"]][int(row["connections"])] = float(row["rps"])
    p99[row["page"]][int(row["connections"])] = ms(row["p99"])
try:
    floor = defaultdict(list)
    for row in csv.DictReader(open(f"{results}/roundtrip.csv")):
        floor[int(row["connections"])].append(float(row["redis_rps"]))
    rps["floor"] = {c: statistics.mean(v) for c, v in floor.items()}
except FileNotFoundError:
    pass

series = [("ours", "SessionSite signed-in /profile", "#0d6efd"), ("baseline", "AddSession baseline /profile", "#adb5bd"),
          ("floor", "one Redis read, no page (floor)", "#198754")]
connections = sorted({c for page in rps.values() for c in page})


def panel(x0, title, data, unit, names):
    width, height, top, bottom = 420, 260, 40, 40
    peak = max([v for name in names for v in data.get(name, {}).values()] or [1]) * 1.15
    out = [f'<text x="{x0 + width / 2}" y="20" text-anchor="middle" font-weight="bold">{html.escape(title)}</text>']
    out.append(f'<line x1="{x0 + 40}" y1="{top + height}" x2="{x0 + width}" y2="{top + height}" stroke="#333"/>')
    group = (width - 50) / max(len(connections), 1)
    bar = group / (len(names) + 1)
    for i, c in enumerate(connections):
        gx = x0 + 45 + i * group
        out.append(f'<text x="{gx + group / 2 - bar / 2}" y="{top + height + 18}" text-anchor="middle">{c} connections</text>')
        for j, name in enumerate(names):
            value = data.get(name, {}).get(c)
            if value is None:
                continue
            h = value / peak * height
            colour = next(s[2] for s in series if s[0] == name)
            x, y = gx + j * bar, top + height - h
            out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar - 2:.1f}" height="{h:.1f}" fill="{colour}"/>')
            label = f"{value:,.0f}" if unit == "req/s" else f"{value:.1f}"
            out.append(f'<text x="{x + (bar - 2) / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="10">{label}</text>')
    out.append(f'<text x="{x0 + 10}" y="{top + 10}" font-size="11">{unit}</text>')
    return out


parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="900" height="380" font-family="sans-serif" font-size="12">',
         '<rect width="900" height="380" fill="white"/>']
parts += panel(0, f"Requests per second ({date}, this machine)", rps, "req/s", ["ours", "baseline", "floor"])
parts += panel(460, "p99 latency", p99, "ms", ["ours", "baseline"])
for k, (name, label, colour) in enumerate(series):
    parts.append(f'<rect x="{20 + k * 290}" y="350" width="12" height="12" fill="{colour}"/>')
    parts.append(f'<text x="{38 + k * 290}" y="360">{html.escape(label)}</text>')
parts.append("</svg>")
open(f"{results}/chart.svg", "w").write("\n".join(parts) + "\n")
print(f"{results}/chart.svg written")
