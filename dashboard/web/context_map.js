// The named ground, figure callouts, a locator inset and opt-in detail tiles.
// Names are text in the page (DOM nodes, textContent), placed so that none overlaps
// another, a story label, a marker or a control; the story's own labels come first,
// then callouts, then context names in the order of the list (by rank). Each name shows only at the zooms
// its data is made for.
function lagekarteContext(map, data) {
  "use strict";
  var ctx = data.context || { labels: [], shapes: [], towns: [] };
  // Towns come as [name, zoom, lon, lat] (fewer bytes); they are named after the rest.
  var townSpecs = (ctx.towns || []).map(function (t) {
    return { layer: "city", name: t[0], minZoom: t[1], maxZoom: ctx.townMaxZoom, anchors: [[t[2], t[3]]] };
  });
  var T = data.texts;
  var C = data.palette;  // dashboard/palette.py
  var MARGIN = 4;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // Rivers and lakes: drawn with the base map, beneath the story ---------------------
  var waterRenderer = L.canvas({ pane: "lk-base", padding: 0.2 });
  var shapes = ctx.shapes.map(function (s) {
    var layer = L.geoJSON({ type: s.type, coordinates: s.coordinates }, {
      pane: "lk-base", renderer: waterRenderer, interactive: false,
      style: s.layer === "lake"
        ? { stroke: false, fillColor: C.sea, fillOpacity: 1 }
        : { color: C.water, weight: 1.6, opacity: 0.95, fill: false }
    });
    return { spec: s, layer: layer };
  });

  // Names -----------------------------------------------------------------------
  map.createPane("lk-names");
  var pane = map.getPane("lk-names");
  pane.style.zIndex = 450;  // above areas and lines, below markers (600) and tooltips
  pane.style.pointerEvents = "none";
  var labels = ctx.labels.concat(townSpecs).map(function (spec) {
    var node = el("div", "lk-ctx lk-ctx-" + spec.layer, spec.name);
    node.hidden = true;
    node.setAttribute("data-context", spec.layer);
    pane.appendChild(node);
    var dot = null;
    if (spec.layer === "city") {
      dot = el("div", "lk-ctx-dot");
      dot.hidden = true;
      pane.appendChild(dot);
    }
    return { spec: spec, node: node, dot: dot, size: null };
  });
  var riverLines = {};
  shapes.forEach(function (s) { if (s.spec.layer === "river") riverLines[s.spec.label] = s.spec; });

  // Callouts: a figure next to its place, with a leader line -------------------------
  var callouts = (data.callouts || []).map(function (c) {
    var box = el("div", "lk-callout");
    box.setAttribute("data-figure-id", c.id);
    box.appendChild(el("strong", "lk-callout-value", c.value));
    box.appendChild(el("span", "lk-callout-label", c.label));
    // a date the title gives already may go where room is short (see context_map.css)
    var asOf = el("small", "lk-callout-asof", c.asOf);
    if (data.showTitle && c.asOf === data.asOfText) asOf.classList.add("lk-callout-asof-title");
    box.appendChild(asOf);
    box.hidden = true;
    pane.appendChild(box);
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("class", "lk-callout-leader");
    svg.setAttribute("aria-hidden", "true");
    var line = document.createElementNS("http://www.w3.org/2000/svg", "line");
    svg.appendChild(line);
    svg.style.display = "none";
    pane.appendChild(svg);
    return { spec: c, box: box, svg: svg, line: line };
  });

  function overlaps(a, b) {
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
  }
  function free(box, taken, size) {
    if (box.x0 < MARGIN || box.y0 < MARGIN || box.x1 > size.x - MARGIN || box.y1 > size.y - MARGIN) {
      return false;
    }
    for (var i = 0; i < taken.length; i++) if (overlaps(box, taken[i])) return false;
    return true;
  }
  function rectOf(node, origin) {
    var r = node.getBoundingClientRect();
    return { x0: r.left - origin.left, y0: r.top - origin.top, x1: r.right - origin.left, y1: r.bottom - origin.top };
  }
  function put(node, x, y) {  // container point of the node's top-left corner
    var p = map.containerPointToLayerPoint([x, y]);
    node.style.transform = "translate(" + Math.round(p.x) + "px," + Math.round(p.y) + "px)";
  }
  function measure(item) {
    if (!item.size) {
      item.node.hidden = false;
      item.size = { w: item.node.offsetWidth, h: item.node.offsetHeight };
    }
    return item.size;
  }

  // What the names must leave free: the story's markers and labels, and the controls.
  // The story's own labels come first, in the story's order; one that would overlap an
  // earlier one waits for a closer zoom.
  function obstacles() {
    var origin = map.getContainer().getBoundingClientRect();
    var taken = [];
    var storyLabels = [];
    var container = map.getContainer();
    container.querySelectorAll(".leaflet-tooltip.lk-label").forEach(function (node) {
      node.style.visibility = "";
      var r = rectOf(node, origin);
      if (r.x1 - r.x0 <= 0) return;
      for (var i = 0; i < storyLabels.length; i++) {
        if (overlaps(r, storyLabels[i])) { node.style.visibility = "hidden"; return; }
      }
      r.label = true;
      storyLabels.push(r);
    });
    container.querySelectorAll(".lk-marker, .leaflet-control").forEach(function (node) {
      if (node.offsetParent === null) return;
      var r = rectOf(node, origin);
      if (r.x1 - r.x0 > 0 && r.y1 - r.y0 > 0) taken.push(r);
    });
    return taken.concat(storyLabels);
  }

  // Where a callout may stand, as [dx, dy] from its place: the preferred corners first,
  // then closer and farther rings, so a small frame still finds a free spot.
  var CALLOUT_TRIES = [[34, -70], [-34, -70], [34, 40], [-34, 40], [56, -20], [-56, -20]];
  [16, 28, 48].forEach(function (d) {
    CALLOUT_TRIES.push([d, -d], [-d, -d], [d, d], [-d, d], [d, -12], [-d, -12]);
  });

  function overlapArea(a, b) {
    var w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
    var h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
    return w > 0 && h > 0 ? w * h : 0;
  }

  // No free spot: the spot inside the frame that covers least, and the story labels it
  // would still cover give way (their marks stay, named on hover and when chosen).
  function leastCovering(p, w, h, taken, size) {
    var best = null;
    CALLOUT_TRIES.forEach(function (t) {
      var x = t[0] >= 0 ? p.x + t[0] : p.x + t[0] - w;
      var y = t[1] >= 0 ? p.y + t[1] : p.y + t[1] - h + (t[1] < -40 ? h / 2 : 0);
      x = Math.min(Math.max(x, MARGIN), size.x - w - MARGIN);
      y = Math.min(Math.max(y, MARGIN), size.y - h - MARGIN);
      var box = { x0: x, y0: y, x1: x + w, y1: y + h };
      var cost = 0;
      taken.forEach(function (r) { cost += overlapArea(box, r) * (r.label ? 1 : 4); });
      if (!best || cost < best.cost) best = { box: box, cost: cost };
    });
    return best.box;
  }

  function hideLabelsUnder(box) {
    var origin = map.getContainer().getBoundingClientRect();
    map.getContainer().querySelectorAll(".leaflet-tooltip.lk-label").forEach(function (node) {
      if (node.style.visibility !== "hidden" && overlaps(rectOf(node, origin), box)) {
        node.style.visibility = "hidden";
      }
    });
  }

  // The story's lines as a row of small boxes: a callout stands beside a line, not on it.
  function lineBoxes(size) {
    var origin = map.getContainer().getBoundingClientRect();
    var boxes = [];
    map.getContainer().querySelectorAll("path.lk-line").forEach(function (path) {
      var matrix = path.getScreenCTM();
      var length = path.getTotalLength();
      if (!matrix || !length) return;
      var step = Math.max(8, length / 400);  // bounded work for a long line
      for (var at = 0; at <= length; at += step) {
        var q = path.getPointAtLength(at);
        var x = matrix.a * q.x + matrix.c * q.y + matrix.e - origin.left;
        var y = matrix.b * q.x + matrix.d * q.y + matrix.f - origin.top;
        if (x < 0 || y < 0 || x > size.x || y > size.y) continue;
        boxes.push({ x0: x - 3, y0: y - 3, x1: x + 3, y1: y + 3, line: true });
      }
    });
    return boxes;
  }

  function placeCallouts(taken, size, zoom) {
    var tries = CALLOUT_TRIES;
    var lines = callouts.length ? lineBoxes(size) : [];
    callouts.forEach(function (c) {
      var s = c.spec;
      var p = map.latLngToContainerPoint([s.lat, s.lon]);
      var show = zoom >= s.minZoom && zoom <= s.maxZoom && p.x >= 0 && p.y >= 0 && p.x <= size.x && p.y <= size.y;
      c.box.hidden = !show;
      c.svg.style.display = show ? "" : "none";
      if (!show) return;
      var w = c.size.w, h = c.size.h;
      var best = null;
      for (var i = 0; i < tries.length && !best; i++) {
        var dx = tries[i][0], dy = tries[i][1];
        var x = dx >= 0 ? p.x + dx : p.x + dx - w;
        var y = dy >= 0 ? p.y + dy : p.y + dy - h + (dy < -40 ? h / 2 : 0);
        var box = { x0: x, y0: y, x1: x + w, y1: y + h };
        if (free(box, taken, size) && free(box, lines, size)) best = box;
      }
      if (!best) {  // a figure of the story always shows
        best = leastCovering(p, w, h, taken.concat(lines), size);
        hideLabelsUnder(best);
      }
      put(c.box, best.x0, best.y0);
      taken.push(best);
      // Leader line from the place to the nearest point of the box.
      var ex = Math.min(Math.max(p.x, best.x0), best.x1);
      var ey = Math.min(Math.max(p.y, best.y0), best.y1);
      var x0 = Math.min(p.x, ex) - 2, y0 = Math.min(p.y, ey) - 2;
      c.svg.setAttribute("width", Math.abs(ex - p.x) + 4);
      c.svg.setAttribute("height", Math.abs(ey - p.y) + 4);
      c.line.setAttribute("x1", p.x - x0); c.line.setAttribute("y1", p.y - y0);
      c.line.setAttribute("x2", ex - x0); c.line.setAttribute("y2", ey - y0);
      put(c.svg, x0, y0);
    });
  }

  function riverPlacement(item, index, size, taken) {
    var spec = riverLines[index];
    if (!spec) return null;
    var w = measure(item).w, h = item.size.h;
    var parts = spec.type === "LineString" ? [spec.coordinates] : spec.coordinates;
    var best = null;
    parts.forEach(function (coords) {
      var pts = coords.map(function (c) { return map.latLngToContainerPoint([c[1], c[0]]); });
      // Try spans of the line whose ends are about one label width apart, mid-line first.
      var order = [];
      for (var k = 0; k < pts.length; k++) order.push(k);
      var mid = pts.length / 2;
      order.sort(function (a, b) { return Math.abs(a - mid) - Math.abs(b - mid); });
      for (var n = 0; n < order.length && !best; n++) {
        var i = order[n], j = i;
        while (j < pts.length - 1 && pts[j].distanceTo(pts[i]) < w + 8) j++;
        if (pts[j].distanceTo(pts[i]) < w + 8) continue;
        var a = pts[i], b = pts[j];
        if (b.x < a.x) { var t = a; a = b; b = t; }
        var angle = Math.atan2(b.y - a.y, b.x - a.x);
        if (Math.abs(angle) > 1.2) continue;  // too steep to read
        var cx = (a.x + b.x) / 2, cy = (a.y + b.y) / 2;
        // beside the line, not on it
        var nx = Math.sin(angle) * (h / 2 + 2), ny = -Math.cos(angle) * (h / 2 + 2);
        cx += nx; cy += ny;
        var hw = (Math.abs(Math.cos(angle)) * w + Math.abs(Math.sin(angle)) * h) / 2;
        var hh = (Math.abs(Math.sin(angle)) * w + Math.abs(Math.cos(angle)) * h) / 2;
        var box = { x0: cx - hw, y0: cy - hh, x1: cx + hw, y1: cy + hh };
        if (free(box, taken, size)) best = { box: box, cx: cx, cy: cy, angle: angle };
      }
    });
    return best;
  }

  function placeNames(taken, size, zoom) {
    labels.forEach(function (item, index) {
      var spec = item.spec;
      item.node.hidden = true;
      if (item.dot) item.dot.hidden = true;
      // On a narrow map (a phone): fewer names, not smaller ones.
      var narrow = size.x < 480 && spec.layer !== "country" ? 1 : 0;
      if (zoom < spec.minZoom + narrow || zoom > spec.maxZoom) return;
      var size0 = measure(item);
      item.node.hidden = true;
      var w = size0.w, h = size0.h;
      if (spec.layer === "river") {
        var river = riverPlacement(item, index, size, taken);
        if (!river) return;
        var p0 = map.containerPointToLayerPoint([river.cx - w / 2, river.cy - h / 2]);
        item.node.style.transform = "translate(" + Math.round(p0.x) + "px," + Math.round(p0.y) +
          "px) rotate(" + (river.angle * 180 / Math.PI).toFixed(1) + "deg)";
        item.node.hidden = false;
        taken.push(river.box);
        return;
      }
      for (var a = 0; a < spec.anchors.length; a++) {
        var p = map.latLngToContainerPoint([spec.anchors[a][1], spec.anchors[a][0]]);
        var boxes;
        if (spec.layer === "city") {
          var dot = { x0: p.x - 3, y0: p.y - 3, x1: p.x + 3, y1: p.y + 3 };
          if (!free(dot, taken, size)) continue;
          boxes = [
            { x0: p.x + 6, y0: p.y - h / 2, x1: p.x + 6 + w, y1: p.y + h / 2 },
            { x0: p.x - 6 - w, y0: p.y - h / 2, x1: p.x - 6, y1: p.y + h / 2 },
            { x0: p.x - w / 2, y0: p.y - 5 - h, x1: p.x + w / 2, y1: p.y - 5 },
            { x0: p.x - w / 2, y0: p.y + 5, x1: p.x + w / 2, y1: p.y + 5 + h }
          ];
          for (var b = 0; b < boxes.length; b++) {
            // Cities keep some air around them: a map for orientation, not a gazetteer.
            var air = { x0: boxes[b].x0 - 10, y0: boxes[b].y0 - 6, x1: boxes[b].x1 + 10, y1: boxes[b].y1 + 6 };
            if (free(boxes[b], taken, size) && free(air, taken, { x: 1e9, y: 1e9 })) {
              put(item.node, boxes[b].x0, boxes[b].y0);
              put(item.dot, p.x - 3, p.y - 3);
              item.node.hidden = false;
              item.dot.hidden = false;
              taken.push(boxes[b], dot);
              return;
            }
          }
          continue;
        }
        var box = { x0: p.x - w / 2, y0: p.y - h / 2, x1: p.x + w / 2, y1: p.y + h / 2 };
        if (free(box, taken, size)) {
          put(item.node, box.x0, box.y0);
          item.node.hidden = false;
          taken.push(box);
          return;
        }
      }
    });
  }

  // Read every size in one pass (one layout), before any name is moved: measuring
  // between moves would make the browser lay the page out again for each name.
  function measureAll(zoom) {
    var todo = labels.filter(function (item) {
      return !item.size && zoom >= item.spec.minZoom && zoom <= item.spec.maxZoom;
    });
    todo.forEach(function (item) { item.node.hidden = false; });
    callouts.forEach(function (c) { c.box.hidden = false; });
    todo.forEach(function (item) { item.size = { w: item.node.offsetWidth, h: item.node.offsetHeight }; });
    callouts.forEach(function (c) { c.size = { w: c.box.offsetWidth, h: c.box.offsetHeight }; });
    todo.forEach(function (item) { item.node.hidden = true; });
  }

  var pending = false;
  function place() {
    pending = false;
    var zoom = map.getZoom();
    var size = map.getSize();
    measureAll(zoom);
    shapes.forEach(function (s) {
      var on = zoom >= s.spec.minZoom && zoom <= s.spec.maxZoom;
      if (on && !map.hasLayer(s.layer)) s.layer.addTo(map);
      if (!on && map.hasLayer(s.layer)) map.removeLayer(s.layer);
    });
    var taken = obstacles();
    placeCallouts(taken, size, zoom);
    placeNames(taken, size, zoom);
    pane.style.visibility = "";
    window.requestAnimationFrame(drawInset);
  }
  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(place);
  }
  map.on("zoomstart", function () { pane.style.visibility = "hidden"; });
  map.on("zoomend moveend resize overlayadd overlayremove", schedule);
  if (document.fonts && document.fonts.ready) {
    document.fonts.ready.then(function () {
      labels.forEach(function (item) { item.size = null; });
      schedule();
    });
  }

  // Locator inset: where the frame lies in the region ----------------------------------
  var inset = null;
  var insetCanvas = null;
  if (data.base) {
    inset = L.control({ position: "bottomright" });
    inset.onAdd = function () {
      var box = el("div", "lk-inset");
      box.setAttribute("role", "img");
      box.setAttribute("aria-label", T.inset);
      insetCanvas = el("canvas");
      insetCanvas.width = 150; insetCanvas.height = 110;
      box.appendChild(insetCanvas);
      return box;
    };
    inset.addTo(map);
  }
  function drawInset() {
    if (!insetCanvas) return;
    var container = insetCanvas.parentNode;
    var small = map.getSize().x < 520;
    container.style.display = small ? "none" : "";
    if (small) return;
    var b = map.getBounds();
    var cLat = (b.getNorth() + b.getSouth()) / 2, cLon = (b.getEast() + b.getWest()) / 2;
    var span = Math.max(b.getEast() - b.getWest(), 0.01);
    var half = Math.min(Math.max(span * 4, 6), 60);  // a close-up in its region, a region in its world
    var kx = Math.cos(cLat * Math.PI / 180);
    var W = insetCanvas.width, H = insetCanvas.height;
    var west = cLon - half, east = cLon + half;
    var halfLat = half * kx * H / W;
    var north = cLat + halfLat, south = cLat - halfLat;
    function xy(lon, lat) { return [(lon - west) / (east - west) * W, (north - lat) / (north - south) * H]; }
    var g = insetCanvas.getContext("2d");
    g.fillStyle = C.sea; g.fillRect(0, 0, W, H);
    g.fillStyle = C.land; g.strokeStyle = C.outline; g.lineWidth = 0.6;
    function trace(coords) {
      coords.forEach(function (c, i) { var q = xy(c[0], c[1]); if (i) g.lineTo(q[0], q[1]); else g.moveTo(q[0], q[1]); });
    }
    data.base.layers.forEach(function (layer) {
      layer.coordinates.forEach(function (poly) {
        g.beginPath();
        poly.forEach(function (ring) { trace(ring); g.closePath(); });
        g.fill();
      });
    });
    // the outlines without the seams between the scales (story_map.js)
    g.beginPath();
    data.base.outlines.coordinates.forEach(trace);
    g.stroke();
    g.strokeStyle = C.water; g.lineWidth = 1;
    shapes.forEach(function (s) {
      if (s.spec.layer !== "river") return;
      var parts = s.spec.type === "LineString" ? [s.spec.coordinates] : s.spec.coordinates;
      parts.forEach(function (coords) {
        g.beginPath();
        coords.forEach(function (c, i) { var q = xy(c[0], c[1]); if (i) g.lineTo(q[0], q[1]); else g.moveTo(q[0], q[1]); });
        g.stroke();
      });
    });
    var p0 = xy(b.getWest(), b.getNorth()), p1 = xy(b.getEast(), b.getSouth());
    g.strokeStyle = C.accent; g.lineWidth = 2;
    if (p1[0] - p0[0] < 6) {
      g.beginPath(); g.arc((p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2, 5, 0, 2 * Math.PI); g.stroke();
    } else {
      g.strokeRect(p0[0], p0[1], p1[0] - p0[0], p1[1] - p0[1]);
    }
    g.strokeStyle = C.frame; g.lineWidth = 1; g.strokeRect(0.5, 0.5, W - 1, H - 1);
  }

  // Opt-in detail tiles: nothing is requested before the reader asks ------------------
  var tiles = null;
  if (data.tiles) {
    var detail = L.control({ position: "topleft" });
    detail.onAdd = function () {
      var button = el("button", "lk-detail-button", data.tiles.label);
      button.type = "button";
      button.setAttribute("aria-pressed", "false");
      L.DomEvent.disableClickPropagation(button);
      button.addEventListener("click", function () {
        if (tiles) return;
        map.createPane("lk-tiles");
        map.getPane("lk-tiles").style.zIndex = 300;
        var attribution = data.tiles.attribution || data.tiles.name;
        if (data.tiles.kind === "pmtiles") {
          // The newsroom's own vector tiles: one archive, read by range requests
          // (pmtiles) and drawn on canvas (protomaps-leaflet), inlined only for this.
          tiles = protomapsL.leafletLayer({
            url: new pmtiles.PMTiles(data.tiles.url), flavor: "light", lang: data.tiles.lang,
            pane: "lk-tiles", maxZoom: 19, attribution: attribution
          }).addTo(map);
        } else {
          tiles = L.tileLayer(data.tiles.url, {
            pane: "lk-tiles", maxZoom: 19, attribution: attribution
          }).addTo(map);
        }
        button.textContent = data.tiles.loaded;
        button.setAttribute("aria-pressed", "true");
        button.disabled = true;
        var credit = map.getContainer().querySelector(".lk-credit");
        if (credit) credit.appendChild(el("span", "lk-tiles-credit", " \u00b7 " + attribution));
      });
      return button;
    };
    detail.addTo(map);
  }

  // The story's own features paint first; the names follow a frame later (a frame
  // callback alone would run before that first paint, and delay it).
  window.requestAnimationFrame(function () { window.setTimeout(schedule, 0); });
  return {
    place: place,
    labels: function () {
      return labels.filter(function (item) { return !item.node.hidden; }).map(function (item) {
        return { layer: item.spec.layer, name: item.spec.name };
      });
    }
  };
}
