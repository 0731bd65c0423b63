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

  if (map.attributionControl) map.attributionControl.remove();
  var container = map.getContainer();
  // The colours come with the data (dashboard/palette.py); the styles use them as --lk-*.
  var C = data.palette;
  Object.keys(C).forEach(function (name) { container.style.setProperty("--lk-" + name, C[name]); });
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

  // Base map: our own vector data, drawn beneath everything and not clickable.
  map.createPane("lk-base");
  map.getPane("lk-base").style.zIndex = 250;
  // One canvas for the base map: hundreds of country outlines draw faster than as SVG.
  var baseRenderer = L.canvas({ pane: "lk-base", padding: 0.2 });
  var baseOptions = { pane: "lk-base", renderer: baseRenderer, interactive: false };
  ["world", "region"].forEach(function (name) {
    L.geoJSON(data.base[name], L.extend({
      style: { stroke: false, fillColor: C.land, fillOpacity: 1 }
    }, baseOptions)).addTo(map);
  });
  L.geoJSON(baseOutlines([data.base.world, data.base.region], data.baseBox), L.extend({
    style: { color: C.outline, weight: 0.8, fill: false }
  }, baseOptions)).addTo(map);

  // Country outlines as lines, leaving out the seams where the detailed region layer
  // meets the coarse world layer (edges lying on the region's box).
  function baseOutlines(collections, box) {
    var lines = [];
    function onSeam(a, b) {
      return (a[0] === b[0] && (a[0] === box[0] || a[0] === box[2])) ||
        (a[1] === b[1] && (a[1] === box[1] || a[1] === box[3]));
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
    collections.forEach(function (collection) {
      collection.features.forEach(function (feature) {
        var g = feature.geometry;
        var polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
        polygons.forEach(function (polygon) { polygon.forEach(addRing); });
      });
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
    // Key places stay on top of events at the same spot, so a reader can always click them.
    var zIndexOffset = p.labelled ? 1000 : p.kind === "event" ? -1000 : 0;
    return L.marker(latlng, {
      icon: icon, keyboard: true, riseOnHover: true, zIndexOffset: zIndexOffset
    });
  }

  var byId = new Map();
  var details = new Map(Object.entries(data.details));
  var labelled = [];

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
      labelled.push({ layer: layer, minZoom: p.label_min_zoom });
    } else {
      layer.bindTooltip(label, { direction: "top", offset: [0, -8], className: "lk-hover" });
    }
    layer.on("add", function () { makeAccessible(layer, p); });
    layer.on("click", function () { select(p.id); });
  }

  var layers = {};
  var overlays = [];  // [name, layer] in the order the layer control lists them
  data.layers.forEach(function (name) {
    layers[name] = L.geoJSON(null, { style: styleOf, pointToLayer: pointOf, onEachFeature: bind });
  });
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

  function updateLabels() {
    var zoom = map.getZoom();
    labelled.forEach(function (item) {
      if (!item.layer._map) return;
      if (zoom >= item.minZoom) item.layer.openTooltip(); else item.layer.closeTooltip();
    });
  }
  map.on("zoomend overlayadd", updateLabels);

  // Title box (export) -------------------------------------------------------
  if (data.showTitle) {
    var titleControl = L.control({ position: "topleft" });
    titleControl.onAdd = function () {
      var box = el("div", "lk-title");
      box.appendChild(el("h1", null, data.title));
      box.appendChild(el("p", "lk-asof", data.asOfText));
      box.appendChild(el("p", "lk-source-line", data.sourceText));
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    titleControl.addTo(map);
  }
  L.control.zoom({ position: "topleft", zoomInTitle: T.zoomIn, zoomOutTitle: T.zoomOut }).addTo(map);
  // On a narrow map (a phone) the layer list opens from a button instead of covering it.
  var collapseLayers = data.collapseLayers || map.getSize().x < 600;
  var layerControl = L.control.layers(null, null, { collapsed: collapseLayers, position: "topright" });
  overlays.forEach(function (pair) { layerControl.addOverlay(pair[1], asHtmlText(pair[0])); });
  layerControl.addTo(map);
  L.control.scale({ imperial: false, position: "bottomleft" }).addTo(map);

  // Legend ------------------------------------------------------------------
  var legend = L.control({ position: "bottomleft" });
  legend.onAdd = function () {
    // A disclosure, open where the map has room for it.
    var box = el("details", "lk-legend");
    box.open = map.getSize().x >= 600;
    box.setAttribute("aria-label", T.legend);
    box.appendChild(el("summary", null, T.legend));
    var list = el("ul");
    data.legend.forEach(function (entry) {
      var item = el("li");
      var sym = symbol(entry.kind, entry.hindsight);
      if (entry.layer === "context") sym.setAttribute("class", sym.getAttribute("class") + " lk-symbol-context");
      item.appendChild(sym);
      item.appendChild(el("span", null, entry.text));
      list.appendChild(item);
    });
    box.appendChild(list);
    if (data.eventLayerName) {
      var item = el("p", "lk-events-legend");
      var dot = symbol("place", false);
      dot.setAttribute("class", dot.getAttribute("class") + " lk-symbol-events");
      item.appendChild(dot);
      item.appendChild(el("span", null, data.eventLayerName));
      box.appendChild(item);
      box.appendChild(eventSummary);
    }
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  legend.addTo(map);

  // Credit line ---------------------------------------------------------------
  var credit = L.control({ position: "bottomright" });
  credit.onAdd = function () {
    var box = el("div", "lk-credit", data.credit);
    return box;
  };
  credit.addTo(map);

  // Details panel -------------------------------------------------------------
  var panel = L.control({ position: "topright" });
  var panelBox;
  panel.onAdd = function () {
    panelBox = el("section", "lk-details");
    panelBox.setAttribute("aria-live", "polite");
    panelBox.setAttribute("aria-label", T.details);
    panelBox.hidden = true;
    L.DomEvent.disableClickPropagation(panelBox);
    L.DomEvent.disableScrollPropagation(panelBox);
    return panelBox;
  };
  panel.addTo(map);

  var selectedId = null;

  function clearSelection() {
    var layer = selectedId === null ? undefined : byId.get(selectedId);
    if (layer) {
      var node = layer.getElement && layer.getElement();
      if (node) node.classList.remove("lk-selected");
    }
    selectedId = null;
  }

  function select(id) {
    var info = details.get(id);
    if (!info) return;
    clearSelection();
    selectedId = id;
    var layer = byId.get(id);
    var node = layer && layer.getElement && layer.getElement();
    if (node) node.classList.add("lk-selected");
    panelBox.textContent = "";
    var close = el("button", "lk-close", "\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", T.close);
    close.addEventListener("click", function () {
      panelBox.hidden = true;
      clearSelection();
    });
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
    panelBox.hidden = false;
  }

  map.fitBounds(data.view, { animate: false });
  updateLabels();
  if (data.eventCells) setEventCells(data.eventCells, data.eventSummary);
  // An embedding frame may settle its size after the map is drawn: fit again until
  // the reader has moved the map themselves.
  var readerMoved = false;
  ["pointerdown", "wheel", "keydown", "touchstart"].forEach(function (type) {
    map.getContainer().addEventListener(type, function () { readerMoved = true; });
  });
  map.on("resize", function () {
    if (!readerMoved) map.fitBounds(data.view, { animate: false });
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
    featureIds: Array.from(byId.keys()),
    layerOf: function (id) { return byId.get(id); }
  };
}
