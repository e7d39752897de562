"""Cut the book's region out of Natural Earth's country outlines.

Reads countries-50m.json from the npm package world-atlas (Natural Earth
1:50m admin-0 countries, public domain, as TopoJSON), decodes the outlines
of the countries around Kazakhstan, clamps them to a box a few degrees
larger than the book's map (so the file stays small and the visible part is
unchanged), rounds coordinates to 0.01 degree and writes them as a table, one row per
point (data/region_outline.csv, the package's `region_outline` resource).

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/make_region_outline.py package/countries-50m.json data/region_outline.csv
"""

from __future__ import annotations

import csv
import json
import sys

# ISO 3166-1 numeric ids (as world-atlas uses them) -> alpha-3
COUNTRIES = {
    "398": "KAZ",
    "156": "CHN",
    "643": "RUS",
    "417": "KGZ",
    "860": "UZB",
    "795": "TKM",
    "762": "TJK",
    "496": "MNG",
    "004": "AFG",
    "364": "IRN",
    "031": "AZE",
    "586": "PAK",
    "356": "IND",
}
SOURCE_ID = "natural-earth-world-atlas"
BOX = (40.0, 30.0, 100.0, 60.0)  # west, south, east, north


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (scale_x, scale_y), (shift_x, shift_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def clamp(points):
    west, south, east, north = BOX
    out = []
    for lon, lat in points:
        point = (round(min(max(lon, west), east), 2), round(min(max(lat, south), north), 2))
        if not out or out[-1] != point:
            out.append(point)
    return out


def main(source: str, target: str) -> None:
    topology = json.load(open(source, encoding="utf-8"))
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = COUNTRIES.get(geometry.get("id"))
        if not code:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [[clamp(ring(r, arcs)) for r in polygon] for polygon in polygons]
        rings = [[r for r in polygon if len(r) >= 4] for polygon in rings]
        features.append(
            {
                "type": "Feature",
                "properties": {"iso_a3": code, "name": geometry["properties"]["name"]},
                "geometry": {"type": "MultiPolygon", "coordinates": [p for p in rings if p]},
            }
        )
    with open(target, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["country", "polygon", "ring", "point", "lon", "lat", "source_id"])
        for feature in sorted(features, key=lambda f: f["properties"]["iso_a3"]):
            for p, polygon in enumerate(feature["geometry"]["coordinates"]):
                for r, points in enumerate(polygon):
                    for k, (lon, lat) in enumerate(points):
                        writer.writerow([feature["properties"]["iso_a3"], p, r, k, lon, lat, SOURCE_ID])


if __name__ == "__main__":
    main(*sys.argv[1:3])
