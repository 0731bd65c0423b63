// Draws a story on a Leaflet map: base map, story layers, labels, legend, details.
// Every text comes from `data` and goes into the page with textContent, never innerHTML,
// so story text shows literally whatever it contains. Story text is never an object key
// either (a name "__proto__" would change the object): lookups by story id use Maps.
function lagekarteStoryMap(map, data) {
  "use strict";
  var T = data.texts;
  var SVG = "http://www.w3.org/2000/svg";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // Leaflet's layer control writes a layer's name as HTML: give it the name as HTML text.
  function asHtmlText(text) {
    return el("span", null, text).innerHTML;
  }

  function symbol(kind, hindsight) {
    // Inline SVG symbol built with DOM calls (no markup strings).
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("aria-hidden", "true");
    var shape;
    if (kind === "event") {
      shape = document.createElementNS(SVG, "path");
      shape.setAttribute("d", "M8 1.5 L14.5 8 L8 14.5 L1.5 8 Z");
    } else if (kind === "area") {
      shape = document.createElementNS(SVG, "rect");
      shape.setAttribute("x", "2"); shape.setAttribute("y", "3");
      shape.setAttribute("width", "12"); shape.setAttribute("height", "10");
    } else if (kind === "line") {
      shape = document.createElementNS(SVG, "path");
      shape.setAttribute("d", "M1 12 L6 6 L10 9 L15 3");
    } else {
      shape = document.createElementNS(SVG, "circle");
      shape.setAttribute("cx", "8"); shape.setAttribute("cy", "8"); shape.setAttribute("r", "5.5");
    }
    svg.setAttribute("class", "lk-symbol lk-symbol-" + kind + (hindsight ? " lk-hindsight" : ""));
    svg.appendChild(shape);
    return svg;
  }

  // Work a first view does not need waits until the story's own features are painted.
  // (A frame the browser does not paint, hidden or off screen, gets it soon all the same.)
  function afterFirstPaint(work) {
    var done = false;
    function run() {
      if (done) return;
      done = true;
      work();
    }
    window.requestAnimationFrame(function () { window.setTimeout(run, 0); });
    window.setTimeout(run, 250);
  }

  if (map.attributionControl) map.attributionControl.remove();
  var container = map.getContainer();
  // The colours come with the data (dashboard/palette.py); the styles use them as --lk-*.
  var C = data.palette;
  Object.keys(C).forEach(function (name) { container.style.setProperty("--lk-" + name, C[name]); });
  // `?mode=embed`: the map fills the frame it is shown in, whatever its height.
  if (data.fillFrame) {
    container.style.height = "100vh";
    map.invalidateSize();
  }
  container.setAttribute("role", "region");
  container.setAttribute("aria-label", data.title);
  if (data.describedBy) container.setAttribute("aria-describedby", data.describedBy);

  // Leaflet focuses the map on mousedown; in a frame only partly in view that scrolls the
  // embedding page, and the click lands elsewhere. Same focus, without scrolling.
  if (map.keyboard) {
    map.keyboard.disable();
    map.keyboard._onMouseDown = function () {
      if (!this._focused) this._map.getContainer().focus({ preventScroll: true });
    };
    map.keyboard.enable();
  }

  // The story's view is set before anything is drawn: a layer added at folium's starting
  // view would be projected and drawn twice (there, then at the story's view).
  map.fitBounds(data.view, { animate: false });

  // Base map: our own vector data, drawn beneath everything and not clickable.
  map.createPane("lk-base");
  map.getPane("lk-base").style.zIndex = 250;
  // One canvas for the base map: hundreds of country outlines draw faster than as SVG.
  var baseRenderer = L.canvas({ pane: "lk-base", padding: 0.2 });
  var baseOptions = { pane: "lk-base", renderer: baseRenderer, interactive: false };
  var landStyle = { stroke: false, fillColor: C.land, fillOpacity: 1 };
  var outlineStyle = { color: C.outline, weight: 0.8, fill: false };
  // kept for the locator inset (context_map.js), which strokes the same lines
  data.base.outlines = baseOutlines(data.base.layers, data.base.seams);
  // The ground in and around the first view is drawn with the story; the rest of the world
  // (most of the data: the world's countries, seen only when zooming out) after the first
  // paint. The later land goes beneath the outlines drawn first, so every border is whole.
  var firstView = map.getBounds().pad(0.5);
  var land = data.base.layers.map(function (layer) { return splitByView(layer.coordinates, 2); });
  var outlines = splitByView(data.base.outlines.coordinates, 1);
  land.forEach(function (parts) { drawBase("MultiPolygon", parts.near, landStyle); });
  drawBase("MultiLineString", outlines.near, outlineStyle);
  afterFirstPaint(function () {
    // coarsest first, each brought beneath all drawn before: finer scales stay on top
    land.slice().reverse().forEach(function (parts) {
      var layer = drawBase("MultiPolygon", parts.far, landStyle);
      if (layer) layer.bringToBack();
    });
    drawBase("MultiLineString", outlines.far, outlineStyle);
  });

  function drawBase(type, coordinates, style) {
    if (!coordinates.length) return null;
    return L.geoJSON({ type: type, coordinates: coordinates },
      L.extend({ style: style }, baseOptions)).addTo(map);
  }

  // Polygons (depth 2: rings of positions) or lines (depth 1) whose box meets the first
  // view, and the others.
  function splitByView(items, depth) {
    var near = [], far = [];
    var south = firstView.getSouth(), north = firstView.getNorth();
    var west = firstView.getWest(), east = firstView.getEast();
    items.forEach(function (item) {
      var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      (depth === 2 ? item : [item]).forEach(function (ring) {
        for (var i = 0; i < ring.length; i++) {
          var x = ring[i][0], y = ring[i][1];
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
        }
      });
      (x0 <= east && x1 >= west && y0 <= north && y1 >= south ? near : far).push(item);
    });
    return { near: near, far: far };
  }

  // Country outlines as lines, leaving out the seams where one scale meets the next
  // (edges lying on the longitudes and latitudes of the boxes that cut them).
  function baseOutlines(layers, seams) {
    var lines = [];
    var xs = {}, ys = {};
    seams.x.forEach(function (x) { xs[x] = true; });
    seams.y.forEach(function (y) { ys[y] = true; });
    function onSeam(a, b) {
      return (a[0] === b[0] && xs[a[0]] === true) || (a[1] === b[1] && ys[a[1]] === true);
    }
    function addRing(coordinates) {
      var current = [coordinates[0]];
      for (var i = 1; i < coordinates.length; i++) {
        if (onSeam(coordinates[i - 1], coordinates[i])) {
          if (current.length > 1) lines.push(current);
          current = [coordinates[i]];
        } else {
          current.push(coordinates[i]);
        }
      }
      if (current.length > 1) lines.push(current);
    }
    layers.forEach(function (layer) {
      layer.coordinates.forEach(function (polygon) { polygon.forEach(addRing); });
    });
    return { type: "MultiLineString", coordinates: lines };
  }

  function styleOf(feature) {
    var p = feature.properties;
    var style = { className: "lk-feature lk-" + p.kind, dashArray: p.estimate ? "6 5" : null };
    if (p.kind === "line") {
      style.color = C.line; style.weight = 4; style.opacity = 0.95;
    } else if (p.large) {
      style.color = C.largeArea; style.weight = 1.5; style.fillColor = C.largeArea; style.fillOpacity = 0.04;
    } else {
      style.color = C.area; style.weight = 2; style.fillColor = C.area; style.fillOpacity = 0.2;
    }
    return style;
  }

  function pointOf(feature, latlng) {
    var p = feature.properties;
    var kind = p.distant ? "context" : p.kind;
    var icon = L.divIcon({
      className: "lk-marker lk-marker-" + kind + (p.hindsight ? " lk-hindsight" : "") +
        (p.estimate ? " lk-estimate" : ""),
      html: symbol(p.kind, p.hindsight),
      iconSize: [16, 16],
      iconAnchor: [8, 8]
    });
    // Key places stay on top of events at the same spot, so a reader can always click them;
    // of two key places drawn on each other (Mosul and al-Nuri, zoomed out) the one
    // labelled from the lower zoom is on top.
    var zIndexOffset = p.labelled ? 1000 + 10 * (18 - p.label_min_zoom) : p.kind === "event" ? -1000 : 0;
    return L.marker(latlng, {
      icon: icon, keyboard: true, riseOnHover: true, zIndexOffset: zIndexOffset
    });
  }

  var byId = new Map();
  var details = new Map(Object.entries(data.details));
  var labelled = [];
  var selectedId = null;
  // streamlit-folium reports a clicked feature only when it differs from the last one
  // reported: a running count makes every click a new report, so clicking a place again
  // after choosing another elsewhere still reaches the page.
  var clickCount = 0;

  function makeAccessible(layer, p) {
    var node = layer.getElement ? layer.getElement() : null;
    if (!node || node.getAttribute("data-feature-id")) return;
    node.setAttribute("data-feature-id", p.id);
    node.setAttribute("tabindex", "0");
    node.setAttribute("role", "button");
    node.setAttribute("aria-label", p.a11y);
    // Focusing on mousedown would make an embedding page scroll to the frame, moving the
    // feature away under the pointer before mouseup: focus without scrolling instead.
    node.addEventListener("mousedown", function (event) {
      event.preventDefault();
      node.focus({ preventScroll: true });
    });
    node.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      event.stopPropagation();
      var latlng = layer.getLatLng ? layer.getLatLng() : layer.getBounds().getCenter();
      // Propagate, so that listeners on the layer group hear it as a click too.
      layer.fire("click", { latlng: latlng, originalEvent: event }, true);
    });
  }

  function bind(feature, layer) {
    var p = feature.properties;
    byId.set(p.id, layer);
    var label = el("span", null, p.name);
    if (p.labelled) {
      layer.bindTooltip(label, {
        permanent: true, direction: "right", offset: [8, 0], className: "lk-label"
      });
      labelled.push({ layer: layer, minZoom: p.label_min_zoom, text: label, name: p.name });
    } else {
      layer.bindTooltip(label, { direction: "top", offset: [0, -8], className: "lk-hover" });
    }
    layer.on("add", function () {
      makeAccessible(layer, p);
      if (selectedId === p.id) markSelected(layer, true);
    });
    layer.on("click", function (event) {
      // a line's or an area's name opens where the reader clicked it
      if (!layer.getLatLng) layer.lkClickedAt = event.latlng;
      clickCount += 1;
      p.click = clickCount;
      select(p.id, true);
    });
  }

  var layers = {};
  var overlays = [];  // [name, layer] in the order the layer control lists them
  data.layers.forEach(function (name) {
    layers[name] = L.geoJSON(null, { style: styleOf, pointToLayer: pointOf, onEachFeature: bind });
  });
  // Areas come largest first (see maps.py), so a smaller area drawn inside a larger one
  // lies on top and takes the click.
  data.features.features.forEach(function (feature) {
    layers[feature.properties.layer].addData(feature);
  });
  data.layers.forEach(function (name) {
    if (layers[name].getLayers().length === 0) return;
    layers[name].addTo(map);
    overlays.push([T.layers[name], layers[name]]);
  });

  // Event data at scale: one level of the cell pyramid at a time, picked by zoom, drawn
  // on a canvas. Cells are not clickable: they inform, they do not select.
  var eventCanvas = L.canvas({ padding: 0.3 });
  var eventLayer = L.layerGroup();
  var eventCells = {};
  var eventLevels = [];
  var eventSummary = el("p", "lk-events-summary");

  function drawEvents() {
    eventLayer.clearLayers();
    if (!eventLevels.length || !map.hasLayer(eventLayer)) return;
    var zoom = map.getZoom();
    var level = eventLevels[0];
    eventLevels.forEach(function (z) { if (z <= zoom) level = z; });
    eventCells[level].forEach(function (cell) {
      L.circleMarker([cell[1], cell[0]], {
        renderer: eventCanvas, interactive: false, weight: 1, color: C.cellsEdge,
        fillColor: C.cells, fillOpacity: 0.45,
        radius: Math.min(3 + 2.5 * Math.log2(cell[2] + 1), 26)
      }).addTo(eventLayer);
    });
  }

  function setEventCells(pyramid, summary) {
    eventCells = pyramid || {};
    eventLevels = Object.keys(eventCells).map(Number).sort(function (a, b) { return a - b; });
    eventSummary.textContent = summary || "";
    drawEvents();
  }
  map.on("zoomend overlayadd", drawEvents);
  if (data.eventLayerName) {
    eventLayer.addTo(map);
    overlays.push([data.eventLayerName, eventLayer]);
  }

  function together(first, second) {
    return T.together.replace("{first}", first).replace("{second}", second);
  }

  // Key places whose dots fall on each other at this zoom (Mosul and al-Nuri at the region
  // view) are drawn as one dot, named for both; the first named at the lower zoom stays.
  // Each dot is a divIcon with an anchor at its centre: apart by less than a dot's width,
  // two dots are one.
  var STACKED_PX = 14;
  function mergeStacked() {
    var stays = [];
    labelled.slice().sort(function (a, b) { return a.minZoom - b.minZoom; }).forEach(function (item) {
      var node = item.layer.getElement && item.layer.getElement();
      if (!item.layer.getLatLng || !item.layer._map || !node) return;
      var at = map.latLngToLayerPoint(item.layer.getLatLng());
      var host = null;
      for (var i = 0; i < stays.length && !host; i++) {
        if (stays[i].at.distanceTo(at) < STACKED_PX) host = stays[i];
      }
      item.mergedInto = host ? host.item : null;
      node.style.display = host ? "none" : "";
      if (host) host.names.push(item.name);
      else stays.push({ item: item, at: at, names: [item.name] });
    });
    stays.forEach(function (stay) {
      stay.item.joint = stay.names.reduce(together);
      stay.item.text.textContent = stay.item.joint;
    });
  }

  // A name stays whole inside the map and off the other marks where it can: right of its
  // mark; else there on a few balanced lines (never broken inside a word such as
  // "al-Nuri"); else below or above it, or left of it, on one line or more. Of the spots
  // inside the map the first that covers no other mark or callout, else the one covering
  // fewest. A joint name keeps every place's name ("Mosul and Great Mosque of al-Nuri").
  var NAME_LINES = 4;  // beside its mark on more lines than this, a name looks elsewhere
  var NAME_SPOTS = [
    { direction: "right", offset: [8, 0] },
    { direction: "right", offset: [8, 0], wrap: true },
    { direction: "bottom", offset: [0, 8], wrap: true },
    { direction: "top", offset: [0, -8], wrap: true },
    { direction: "left", offset: [-8, 0] },
    { direction: "left", offset: [-8, 0], wrap: true }
  ];
  function inWords(item) {
    item.text.textContent = "";
    (item.joint || item.name).split(" ").forEach(function (word, i) {
      if (i) item.text.appendChild(document.createTextNode(" "));
      item.text.appendChild(el("span", "lk-word", word));
    });
    return [].reduce.call(item.text.children, function (widest, word) {
      return Math.max(widest, word.getBoundingClientRect().width);
    }, 0);
  }
  // The room a name has beside its mark (at `at`, page pixels) in one direction.
  function roomFor(direction, at, frame) {
    if (direction === "right") return frame.right - 2 - (at.x + 12);
    if (direction === "left") return at.x - 12 - (frame.left + 2);
    return 2 * Math.min(at.x - frame.left, frame.right - at.x) - 4;
  }
  // The name at one of NAME_SPOTS; how it lies there: inside the map, on how many marks.
  function tryNameAt(item, tooltip, node, spot, at, frame, others) {
    node.classList.remove("lk-label-wrap", "lk-label-words");
    node.style.maxWidth = "";
    node.style.width = "";
    item.text.textContent = item.joint || item.name;
    tooltip.options.direction = spot.direction;
    tooltip.options.offset = spot.offset;
    var lines = 1;
    if (spot.wrap) {
      var room = roomFor(spot.direction, at, frame);
      node.classList.add("lk-label-wrap");
      var word = inWords(item) + 8;  // its padding
      node.classList.toggle("lk-label-words", word <= room);
      node.style.maxWidth = Math.max(room, 0) + "px";
      lines = word <= room ? 0 : Infinity;
    }
    tooltip.update();
    var box = node.getBoundingClientRect();
    if (spot.wrap && lines === 0) {
      // as wide as its widest line, not its room (balanced lines leave some of it)
      var words = [].map.call(item.text.children, function (w) { return w.getBoundingClientRect(); });
      var widest = Math.max.apply(null, words.map(function (r) { return r.right; })) -
        Math.min.apply(null, words.map(function (r) { return r.left; }));
      node.style.width = Math.ceil(widest + 9) + "px";
      tooltip.update();
      box = node.getBoundingClientRect();
      lines = Math.round(box.height / words[0].height);
    }
    var inside = box.left >= frame.left && box.right <= frame.right &&
      box.top >= frame.top && box.bottom <= frame.bottom;
    var covers = others.reduce(function (sum, r) {
      var over = r.left < box.right && box.left < r.right && r.top < box.bottom && box.top < r.bottom;
      return over ? sum + (r.weight || 1) : sum;
    }, 0);
    return { inside: inside && lines <= NAME_LINES, covers: covers };
  }
  // The story's lines in view as small boxes every few pixels along them (page pixels):
  // a name's white box over a line hides it, so names keep off them where they can.
  var LINE_STEP_PX = 4;
  function storyLineBoxes() {
    var frame = container.getBoundingClientRect();
    var boxes = [];
    byId.forEach(function (layer) {
      if (layer.feature.properties.kind !== "line" || !layer._map || !layer._parts) return;
      layer._parts.forEach(function (part) {
        for (var i = 1; i < part.length; i++) {
          var a = map.layerPointToContainerPoint(part[i - 1]);
          var b = map.layerPointToContainerPoint(part[i]);
          var steps = Math.max(1, Math.ceil(a.distanceTo(b) / LINE_STEP_PX));
          for (var k = 0; k <= steps; k++) {
            var x = frame.left + a.x + (b.x - a.x) * k / steps;
            var y = frame.top + a.y + (b.y - a.y) * k / steps;
            // hiding a few pixels of a line is less bad than hiding a mark or a name
            boxes.push({ left: x - 1, right: x + 1, top: y - 1, bottom: y + 1, weight: 0.05 });
          }
        }
      });
    });
    return boxes;
  }
  function keepNameInside(item, lineBoxes) {
    var tooltip = item.layer.getTooltip();
    var node = tooltip && tooltip.getElement();
    if (!node) return;
    var frame = container.getBoundingClientRect();
    var own = item.layer.getElement && item.layer.getElement();
    var point = map.latLngToContainerPoint(item.layer.getLatLng());
    var at = L.point(point.x + frame.left, point.y + frame.top);
    // the other marks shown (their centres), the callouts and the other names
    var others = [].filter.call(
      container.querySelectorAll(".lk-marker, .lk-callout:not([hidden]), .leaflet-tooltip.lk-label"),
      function (n) {
        return n !== own && n !== node && n.offsetParent !== null && n.style.display !== "none";
      })
      .map(function (n) {
        var r = n.getBoundingClientRect();
        if (!n.classList.contains("lk-marker")) return r;
        var x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
        return { left: x - 3, right: x + 3, top: y - 3, bottom: y + 3 };
      })
      .concat(lineBoxes);
    var best = null;
    for (var i = 0; i < NAME_SPOTS.length; i++) {
      var seen = tryNameAt(item, tooltip, node, NAME_SPOTS[i], at, frame, others);
      if (seen.inside && seen.covers === 0) return true;
      if (seen.inside && (!best || seen.covers < best.covers)) best = { spot: i, covers: seen.covers };
    }
    // none inside: on lines beside it, on the side with more room
    var fallback = roomFor("right", at, frame) >= roomFor("left", at, frame) ? 1 : 5;
    var chosen = best ? best.spot : fallback;
    if (chosen !== NAME_SPOTS.length - 1) {
      tryNameAt(item, tooltip, node, NAME_SPOTS[chosen], at, frame, others);
    }
    return false;
  }

  // An event on a place's dot or on another event's at this zoom (the encirclement of
  // Raqqa on Raqqa's dot) moves aside onto a ring around its spot, with a leader line to
  // where it is: every event's diamond shows and takes its own click.
  var RING_STEPS = 6;
  function shownPoint(layer) {
    var node = layer.getLatLng && layer._map && layer.getElement && layer.getElement();
    return node && node.style.display !== "none" ? node : null;
  }
  function setAside(node, dx, dy) {
    node.style.marginLeft = (dx - 8) + "px";  // the icon's anchor is its centre (8, 8)
    node.style.marginTop = (dy - 8) + "px";
    var leader = node.querySelector(".lk-leader");
    if (!dx && !dy) {
      if (leader) leader.remove();
      return;
    }
    if (!leader) {
      leader = document.createElementNS(SVG, "svg");
      leader.setAttribute("class", "lk-leader");
      leader.setAttribute("aria-hidden", "true");
      leader.appendChild(document.createElementNS(SVG, "line"));
      node.insertBefore(leader, node.firstChild);
    }
    var line = leader.firstChild;
    line.setAttribute("x1", String(8 - dx)); line.setAttribute("y1", String(8 - dy));
    line.setAttribute("x2", "8"); line.setAttribute("y2", "8");
  }
  function ring(at) {
    var spots = [];
    for (var step = 0; step < RING_STEPS; step++) {
      var angle = (-45 + 60 * step) * Math.PI / 180;
      spots.push(at.add(L.point(Math.round(18 * Math.cos(angle)), Math.round(-18 * Math.sin(angle)))));
    }
    return spots;
  }
  function eventsAside() {
    var taken = [];
    // names beside the marks, in layer points: a diamond moved aside does not go under one
    var names = [].map.call(container.querySelectorAll(".leaflet-tooltip.lk-label"), function (node) {
      var box = node.getBoundingClientRect();
      var frame = container.getBoundingClientRect();
      var corner = map.containerPointToLayerPoint([box.left - frame.left, box.top - frame.top]);
      return L.bounds(corner, corner.add([box.width, box.height]));
    });
    // on a mark, or (`orName`) under a name; a ring full of names leaves only the marks
    function near(spot, orName) {
      var half = L.point(8, 8);
      var diamond = L.bounds(spot.subtract(half), spot.add(half));
      return taken.some(function (other) { return other.distanceTo(spot) < STACKED_PX; }) ||
        (orName && names.some(function (name) { return name.intersects(diamond); }));
    }
    byId.forEach(function (layer) {
      if (layer.feature.properties.kind !== "event" && shownPoint(layer)) {
        taken.push(map.latLngToLayerPoint(layer.getLatLng()));
      }
    });
    byId.forEach(function (layer) {
      var node = layer.feature.properties.kind === "event" && shownPoint(layer);
      if (!node) return;
      var at = map.latLngToLayerPoint(layer.getLatLng());
      var spot = [at].concat(ring(at)).find(function (s) { return !near(s, true); }) ||
        ring(at).find(function (s) { return !near(s, false); }) || at;
      taken.push(spot);
      setAside(node, spot.x - at.x, spot.y - at.y);
    });
  }

  // Below its spacing zoom a key place's dot still shows (a phone's view of a town and
  // a city 30 km off): its name shows too where it lies clear of every other mark and
  // name, placed after the names at their zoom; a story of thousands of places tries a
  // bounded number, in the story's order.
  var SPARE_NAMES = 40;
  function updateLabels() {
    var zoom = map.getZoom();
    mergeStacked();
    var lineBoxes = storyLineBoxes();
    var spare = [];
    labelled.forEach(function (item) {
      if (!item.layer._map) return;
      if (zoom >= item.minZoom && !item.mergedInto) {
        item.layer.openTooltip();
        keepNameInside(item, lineBoxes);
      } else {
        item.layer.closeTooltip();
        if (!item.mergedInto && item.layer.getLatLng && spare.length < SPARE_NAMES) {
          spare.push(item);
        }
      }
    });
    var view = map.getBounds();
    spare.forEach(function (item) {
      if (!view.contains(item.layer.getLatLng())) return;
      item.layer.openTooltip();
      if (!keepNameInside(item, lineBoxes)) item.layer.closeTooltip();
    });
    eventsAside();
  }
  // and when the frame changes size without a move (a page laying itself out): names
  // placed while the frame had no room take their spots again
  map.on("zoomend moveend overlayadd resize", updateLabels);
  // names are measured again in the map's own typeface once it has loaded
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(updateLabels);

  // Small frames (an embed in a narrow column, a phone) get compact boxes.
  function fitBoxesToSize() {
    var size = map.getSize();
    container.classList.toggle("lk-small", size.x < 480 || size.y < 360);
    container.classList.toggle("lk-tiny", size.x < 340 || size.y < 300);
    // a frame too low for the title's source line (the credit and the cards carry it)
    container.classList.toggle("lk-low", size.y < 600);
  }
  fitBoxesToSize();
  map.on("resize", fitBoxesToSize);

  // Title box (export) -------------------------------------------------------
  if (data.showTitle) {
    var titleControl = L.control({ position: "topleft" });
    titleControl.onAdd = function () {
      var box = el("div", "lk-title");
      var heading = el("h1", null, data.title);
      heading.title = data.title;
      box.appendChild(heading);
      box.appendChild(el("p", "lk-asof", data.asOfText));
      box.appendChild(el("p", "lk-source-line", data.sourceText));
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    titleControl.addTo(map);
  }
  L.control.zoom({ position: "topleft", zoomInTitle: T.zoomIn, zoomOutTitle: T.zoomOut }).addTo(map);

  // Named views: buttons beside the zoom control. The pressed one is the view the map
  // shows; any other move of the map releases it.
  var views = data.views || [];
  var viewById = new Map();
  views.forEach(function (view) { viewById.set(view.id, view); });
  var namedView = views.length ? views[0].id : null;
  var viewButtons = [];
  if (views.length > 1) {
    var viewControl = L.control({ position: "topleft" });
    viewControl.onAdd = function () {
      var box = el("div", "lk-views leaflet-bar");
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", T.views);
      views.forEach(function (view) {
        var button = el("button", null, view.name);
        button.type = "button";
        button.setAttribute("data-view-id", view.id);
        button.addEventListener("click", function () {
          highlight(null);  // a region now, no place: as the page's panel will say
          reportView(view.id);
          showView(view.id);
        });
        viewButtons.push(button);
        box.appendChild(button);
      });
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    viewControl.addTo(map);
  }
  // A view the reader chose reaches the page (the dashboard) as a report like a click's,
  // so its side panel stops describing a place the map has left. The move that follows
  // sends it (streamlit-folium reports on the map's moveend).
  function reportView(id) {
    var reports = window.__GLOBAL_DATA__;
    if (!reports || !data.keepUrl) return;
    clickCount += 1;
    reports.last_active_drawing = {
      type: "Feature", geometry: null, properties: { view: id, click: clickCount }
    };
  }
  function pressViewButton() {
    viewButtons.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-view-id") === namedView));
    });
  }
  pressViewButton();

  var layerControl = L.control.layers(null, null, { collapsed: true, position: "topright" });
  overlays.forEach(function (pair) { layerControl.addOverlay(pair[1], asHtmlText(pair[0])); });
  layerControl.addTo(map);
  L.control.scale({ imperial: false, position: "bottomleft" }).addTo(map);

  // Legend: one line per kind of symbol on the map now, drawn as the map draws it -----
  var legendLines = [];
  var legend = L.control({ position: "bottomleft" });
  var legendBox;
  legend.onAdd = function () {
    // A disclosure, open where the map has room for it.
    legendBox = el("details", "lk-legend");
    // (a button on smaller maps: open it would cover a tenth of them)
    legendBox.open = map.getSize().x >= 800 && map.getSize().y >= 560;
    legendBox.setAttribute("aria-label", T.legend);
    legendBox.appendChild(el("summary", null, T.legend));
    var list = el("ul");
    data.legend.forEach(function (entry) {
      var item = el("li");
      item.setAttribute("data-legend", entry.key);
      item.appendChild(legendSymbol(entry));
      item.appendChild(el("span", null, entry.text));
      list.appendChild(item);
      legendLines.push({ key: entry.key, node: item });
    });
    legendBox.appendChild(list);
    if (data.eventLayerName) {
      var item = el("p", "lk-events-legend");
      var dot = symbol("place", false);
      dot.setAttribute("class", dot.getAttribute("class") + " lk-symbol-events");
      item.appendChild(dot);
      item.appendChild(el("span", null, data.eventLayerName));
      legendBox.appendChild(item);
      legendBox.appendChild(eventSummary);
    }
    L.DomEvent.disableClickPropagation(legendBox);
    L.DomEvent.disableScrollPropagation(legendBox);
    return legendBox;
  };

  function legendSymbol(entry) {
    var sample = byId.get(entry.sample);
    var p = sample.feature.properties;
    if (entry.kind !== "area" && entry.kind !== "line") {
      // the marker's own classes, so the legend's dot has the marker's colours
      var holder = el("span", "lk-marker lk-marker-" + (p.distant ? "context" : p.kind) +
        (p.hindsight ? " lk-hindsight" : ""));
      holder.appendChild(symbol(p.kind, p.hindsight));
      return holder;
    }
    var svg = symbol(entry.kind, false);
    var shape = svg.firstChild;
    var style = styleOf(sample.feature);
    shape.style.stroke = style.color;
    shape.style.strokeWidth = Math.min(style.weight, 3);
    shape.style.fill = entry.kind === "area" ? style.fillColor : "none";
    if (entry.kind === "area") shape.style.fillOpacity = Math.max(style.fillOpacity, 0.15);
    if (entry.key === "estimate") shape.style.strokeDasharray = "3 2";
    return svg;
  }

  // On the map now: in view, and (a line or an area) at least a few pixels across.
  function onMap(layer) {
    if (!layer._map) return false;
    var bounds = map.getBounds();
    if (layer.getLatLng) return bounds.contains(layer.getLatLng());
    var own = layer.getBounds();
    var size = map.latLngToContainerPoint(own.getNorthEast())
      .subtract(map.latLngToContainerPoint(own.getSouthWest()));
    return bounds.intersects(own) && Math.max(Math.abs(size.x), Math.abs(size.y)) >= 6;
  }

  function updateLegend() {
    var shown = new Set();
    byId.forEach(function (layer) {
      if (!onMap(layer)) return;
      var p = layer.feature.properties;
      shown.add(p.legend);
      if (p.estimate) shown.add("estimate");
    });
    var any = false;
    legendLines.forEach(function (line) {
      line.node.hidden = !shown.has(line.key);
      any = any || !line.node.hidden;
    });
    if (legendBox) legendBox.hidden = !any && !data.eventLayerName;
  }
  legend.addTo(map);
  map.on("moveend overlayadd overlayremove", updateLegend);

  // Credit line: one line; the whole text on hover, focus or a tap -------------
  var credit = L.control({ position: "bottomright" });
  var creditBox;
  credit.onAdd = function () {
    creditBox = el("div", "lk-credit", data.credit);
    L.DomEvent.disableClickPropagation(creditBox);
    return creditBox;
  };
  credit.addTo(map);
  // A credit wrapped across the map's foot: the key and the scale stand on it, not under it.
  var bottomLeft = container.querySelector(".leaflet-bottom.leaflet-left");
  function stackOnCredit() {
    bottomLeft.style.bottom = "";
    var left = bottomLeft.getBoundingClientRect();
    var line = creditBox.getBoundingClientRect();
    var beside = left.right <= line.left || left.width === 0;
    bottomLeft.style.bottom = beside ? "" : Math.ceil(line.height) + "px";
  }
  stackOnCredit();
  map.on("resize", stackOnCredit);
  if (legendBox) legendBox.addEventListener("toggle", stackOnCredit);

  // Details inside the map: a card at the map's foot, at most 40% of its height, shown the
  // moment a feature is clicked (the dashboard's side panel follows after its server run).
  function hostWindow() {
    try {
      if (window.parent !== window && window.parent.location.origin === window.location.origin) {
        return window.parent;
      }
    } catch (error) { /* another origin: not ours to read */ }
    return null;
  }
  var host = hostWindow();
  function detailsInMap() {
    if (data.detailsInMap === "always") return true;
    if (data.detailsInMap !== "narrow") return false;
    return (host || window).innerWidth < data.sidePanelMinWidth;
  }

  var panelBox = el("section", "lk-details");
  panelBox.setAttribute("aria-live", "polite");
  panelBox.setAttribute("aria-label", T.details);
  panelBox.hidden = true;
  L.DomEvent.disableClickPropagation(panelBox);
  L.DomEvent.disableScrollPropagation(panelBox);
  container.appendChild(panelBox);

  panelBox.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeDetails();
  });

  function closeDetails() {
    if (panelBox.hidden) return;
    panelBox.hidden = true;
    panelBox.removeAttribute("data-details-id");
    stackOnCredit();  // the key goes back down
  }

  // The card stands clear of the credit line, and the key clear of the card: beside it
  // where the map is wide enough for both (the card at the right), else stacked on it.
  function placeDetails() {
    stackOnCredit();
    if (panelBox.hidden) return;
    var box = container.getBoundingClientRect();
    panelBox.style.bottom = Math.ceil(box.bottom - creditBox.getBoundingClientRect().top + 4) + "px";
    var card = panelBox.getBoundingClientRect();
    var key = bottomLeft.getBoundingClientRect();
    if (key.width > 0 && key.right + 4 > card.left && key.bottom > card.top - 4) {
      bottomLeft.style.bottom = Math.ceil(box.bottom - card.top + 4) + "px";
    }
  }
  map.on("resize", placeDetails);
  if (legendBox) legendBox.addEventListener("toggle", placeDetails);

  function markSelected(layer, on) {
    var node = layer.getElement && layer.getElement();
    if (node) node.classList.toggle("lk-selected", on);
    // a small area comes to the front to show its outline; a large one stays beneath
    if (on && layer.bringToFront && !layer.feature.properties.large) layer.bringToFront();
    // a mark without a standing label (Manchester, chosen by a timeline step) is named
    // while it is the one chosen
    if (!layer.feature.properties.labelled && layer.getTooltip && layer.getTooltip()) {
      if (on && layer._map) openNameInView(layer); else if (!on) layer.closeTooltip();
    }
  }

  // A line's or an area's name, while it is chosen: where the reader clicked it if that
  // is in view, else at the point of its outline in view nearest the map's middle and
  // clear of the callouts (its middle may lie off the map on a phone, or on a callout).
  var NAME_ROOM = { above: 40, side: 24 };
  function nameSpot(layer) {
    var size = map.getSize();
    function roomy(point) {
      return point.x >= NAME_ROOM.side && point.x <= size.x - NAME_ROOM.side &&
        point.y >= NAME_ROOM.above && point.y <= size.y - 8;
    }
    var clicked = layer.lkClickedAt;
    if (clicked && roomy(map.latLngToContainerPoint(clicked))) return clicked;
    var origin = container.getBoundingClientRect();
    var callouts = Array.prototype.map.call(
      container.querySelectorAll(".lk-callout:not([hidden])"),
      function (node) {
        var r = node.getBoundingClientRect();
        return { x0: r.left - origin.left - 8, y0: r.top - origin.top - 8,
                 x1: r.right - origin.left + 8, y1: r.bottom - origin.top + NAME_ROOM.above };
      });
    var middle = L.point(size.x / 2, size.y / 2);
    var best = null;
    var latlngs = L.LineUtil.isFlat(layer.getLatLngs()) ? layer.getLatLngs() : layer.getLatLngs().flat(3);
    latlngs.forEach(function (latlng) {
      var point = map.latLngToContainerPoint(latlng);
      if (!roomy(point)) return;
      var onCallout = callouts.some(function (c) {
        return point.x > c.x0 && point.x < c.x1 && point.y > c.y0 && point.y < c.y1;
      });
      var score = point.distanceTo(middle) + (onCallout ? 1e6 : 0);
      if (!best || score < best.score) best = { latlng: latlng, score: score };
    });
    return best ? best.latlng : null;
  }
  function openNameInView(layer) {
    if (layer.getLatLng) { layer.openTooltip(); return; }
    var spot = nameSpot(layer);
    if (spot) layer.openTooltip(spot); else layer.closeTooltip();
  }
  // after a move (a timeline step that shows the chosen line) its name follows into view
  map.on("moveend", function () {
    var layer = selectedId !== null ? byId.get(selectedId) : null;
    if (layer && !layer.getLatLng && !layer.feature.properties.labelled && layer._map) {
      openNameInView(layer);
    }
  });

  function highlight(id) {
    if (selectedId !== null && byId.has(selectedId)) markSelected(byId.get(selectedId), false);
    selectedId = id !== null && id !== undefined && byId.has(id) ? id : null;
    if (selectedId !== null) markSelected(byId.get(selectedId), true);
  }

  function select(id, fromMap) {
    var info = details.get(id);
    if (!info) return;
    highlight(id);
    if (!fromMap || !detailsInMap()) return;
    panelBox.textContent = "";
    var close = el("button", "lk-close", "\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", T.close);
    close.addEventListener("click", closeDetails);
    panelBox.appendChild(close);
    panelBox.appendChild(el("h2", null, info.name));
    if (info.date) panelBox.appendChild(el("p", "lk-date", info.date));
    if (info.hindsight) panelBox.appendChild(el("p", "lk-flag lk-flag-hindsight", T.hindsight));
    if (info.estimate) panelBox.appendChild(el("p", "lk-flag", T.estimate));
    panelBox.appendChild(el("p", "lk-note", info.note));
    if (info.figures.length) {
      var figures = el("ul", "lk-figures");
      info.figures.forEach(function (figure) {
        var item = el("li", "lk-figure");
        item.setAttribute("data-figure-id", figure.id);
        item.appendChild(el("strong", "lk-value", figure.value));
        item.appendChild(el("span", "lk-figure-label", " " + figure.label));
        item.appendChild(el("small", "lk-figure-source", figure.meta));
        figures.appendChild(item);
      });
      panelBox.appendChild(figures);
    }
    if (info.quote) {
      var quote = el("blockquote", "lk-quote", info.quote);
      panelBox.appendChild(quote);
      if (info.quoteNote) panelBox.appendChild(el("p", "lk-quote-note", info.quoteNote));
    }
    panelBox.appendChild(el("p", "lk-source", info.source));
    panelBox.setAttribute("data-details-id", id);
    panelBox.hidden = false;
    placeDetails();
    keepInSight(id);
  }

  // The chosen place stays visible above the details card.
  function keepInSight(id) {
    var layer = byId.get(id);
    var latlng = layer.getLatLng ? layer.getLatLng() : layer.getBounds().getCenter();
    var point = map.latLngToContainerPoint(latlng);
    var size = map.getSize();
    var free = panelBox.offsetTop - 8;  // the map above the card
    var beside = point.x < panelBox.offsetLeft - 16;  // or left of it, on a wide map
    var inView = point.y > 16 && point.x > 0 && point.x < size.x && point.y < size.y - 16;
    if (inView && (point.y < free - 16 || beside)) return;
    moveMap(function () {
      map.panBy([point.x - size.x / 2, point.y - free / 2], { animate: false });
    });
  }

  // Moves the map makes itself, told apart from the reader's -------------------------
  var ownMoves = 0;
  function moveMap(move) {
    ownMoves += 1;
    try { move(); } finally { ownMoves -= 1; }
  }
  // what the map was last asked to show, fitted again when an embedding frame resizes
  var refit = function () { map.fitBounds(data.view, { animate: false }); };

  function showView(id) {
    var view = viewById.get(id);
    if (!view) return;
    closeDetails();
    refit = function () { map.fitBounds(view.bounds, { animate: false }); };
    moveMap(refit);
    namedView = id;
    pressViewButton();
    keepUrl();
  }

  function showFeature(id) {
    var layer = byId.get(id);
    if (!layer) return;
    if (!layer._map) layer.addTo(map);
    refit = function () {
      if (layer.getLatLng) map.setView(layer.getLatLng(), Math.max(map.getZoom(), data.pointZoom), { animate: false });
      else map.fitBounds(layer.getBounds(), { padding: [24, 24], animate: false });
    };
    moveMap(refit);
    namedView = null;
    pressViewButton();
    keepUrl();
  }

  function showAt(at) {
    refit = function () { map.setView([at[0], at[1]], at[2], { animate: false }); };
    moveMap(refit);
    namedView = null;
    pressViewButton();
    keepUrl();
  }

  map.on("movestart", function () {
    if (ownMoves) return;
    namedView = null;
    pressViewButton();
  });
  map.on("zoomstart", function () { if (!ownMoves) closeDetails(); });

  // The page's address keeps the map's view (dashboard only): the named view, or centre
  // and zoom. Kept by this script, so panning and zooming never rerun the page.
  function viewParams() {
    // the default view is named too: a link must not open on a close-up of its place
    if (namedView) return { view: namedView, at: null };
    var centre = map.getCenter();
    return { view: null, at: centre.lat.toFixed(4) + "," + centre.lng.toFixed(4) + "," + map.getZoom() };
  }
  function keepUrl() {
    if (!host || !data.keepUrl) return;
    var wanted = viewParams();
    host.lagekarteView = JSON.stringify({ story: data.story, view: wanted.view, at: wanted.at });
    host.history.replaceState(host.history.state, "", host.location.href);  // merged in below
  }
  // Streamlit writes the address after each run of the page, knowing nothing of the map's
  // view: every address written gets the view merged in. Installed once per page, as a
  // function of the page itself (this frame is replaced when the language changes).
  if (host && data.keepUrl && !host.lagekarteKeepsView) {
    host.lagekarteKeepsView = true;
    new host.Function("history", [
      "['pushState', 'replaceState'].forEach(function (name) {",
      "  var original = history[name];",
      "  history[name] = function (state, title, url) {",
      "    var kept = JSON.parse(window.lagekarteView || 'null');",
      "    if (kept && url !== undefined && url !== null) {",
      "      var next = new URL(url, location.href);",
      "      ['view', 'at'].forEach(function (key) {",
      "        if (kept[key]) next.searchParams.set(key, kept[key]); else next.searchParams.delete(key);",
      "      });",
      "      url = next.pathname + next.search + next.hash;",
      "    }",
      "    return original.call(history, state, title, url);",
      "  };",
      "});"
    ].join("\n"))(host.history);
  }
  map.on("moveend", keepUrl);

  // Instructions from the page: which feature is chosen, and (when `seq` is new) what to
  // show. A map drawn again for the same story (another language) keeps its view.
  var lastSeq = null;
  var restored = false;
  function follow(command) {
    highlight(command.feature);
    // no place chosen any more (a timeline step without one): the card goes too. A card of
    // another place stays: it may be a click newer than the run that sent this.
    if (!command.feature) closeDetails();
    if (command.seq === lastSeq) return;
    var first = lastSeq === null;
    lastSeq = command.seq;
    if (first && restored) return;
    var target = command.target;
    if (!target) return;
    closeDetails();
    if (target.view) showView(target.view);
    else if (target.feature) showFeature(target.feature);
    else if (target.at) showAt(target.at);
  }

  // read before the first move, which writes it anew
  var kept = host && data.keepUrl && host.lagekarteView ? JSON.parse(host.lagekarteView) : {};
  moveMap(refit);
  if (kept.story === data.story) {
    restored = true;
    if (kept.view) showView(kept.view);
    else if (kept.at) showAt(kept.at.split(",").map(Number));
  }
  updateLabels();
  updateLegend();
  if (data.eventCells) setEventCells(data.eventCells, data.eventSummary);
  // An embedding frame may settle its size after the map is drawn: fit again until
  // the reader has moved the map themselves.
  var readerMoved = false;
  ["pointerdown", "wheel", "keydown", "touchstart"].forEach(function (type) {
    map.getContainer().addEventListener(type, function () { readerMoved = true; });
  });
  map.on("resize", function () {
    if (!readerMoved) moveMap(refit);
  });

  var moves = { count: 0 };
  map.on("moveend", function () { moves.count += 1; });

  window.lagekarte = {
    map: map,
    moves: moves,
    setEventCells: setEventCells,
    eventCellCount: function () { return eventLayer.getLayers().length; },
    layers: layers,
    select: select,
    follow: follow,
    selected: function () { return selectedId; },
    namedView: function () { return namedView; },
    featureIds: Array.from(byId.keys()),
    layerOf: function (id) { return byId.get(id); }
  };
  if (window.lagekartePending) follow(window.lagekartePending);
}
