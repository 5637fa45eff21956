// Draws each figure's chart from the ECharts option the page holds as JSON in its data-option attribute
// (escaped by the template like any other value); the table beside it holds the
// same figures, so that the page says everything without this script. SVG renderer: crisp, printable, and
// what the SVG download saves.
(function () {
  "use strict";

  function download(name, href) {
    var a = document.createElement("a");
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function button(text, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "secondary small";
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  function draw(element) {
    if (!element.dataset.option || typeof echarts === "undefined") {
      return;
    }
    var option = JSON.parse(element.dataset.option);
    var rows = (option.yAxis && option.yAxis.data ? option.yAxis.data.length : 6);
    element.style.height = Math.max(240, 60 + rows * 34) + "px";
    var chart = echarts.init(element, null, {renderer: "svg"});
    chart.setOption(option);
    window.addEventListener("resize", function () { chart.resize(); });
    var name = element.id.replace(/^chart-/, "");
    var lang = document.documentElement.lang;
    var tools = document.createElement("p");
    tools.className = "chart-tools";
    tools.appendChild(button(lang === "en" ? "Download SVG" : "Télécharger en SVG", function () {
      var svg = chart.renderToSVGString();
      download(name + ".svg", "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg));
    }));
    tools.appendChild(button(lang === "en" ? "Download PNG" : "Télécharger en PNG", function () {
      // PNG needs a canvas: the same chart drawn once more, off screen, by the canvas renderer.
      var holder = document.createElement("div");
      holder.style.cssText = "position:absolute;left:-10000px;width:" + element.clientWidth + "px;height:"
        + element.clientHeight + "px";
      document.body.appendChild(holder);
      var canvas = echarts.init(holder, null, {renderer: "canvas"});
      canvas.setOption(option);
      download(name + ".png", canvas.getDataURL({type: "png", pixelRatio: 2, backgroundColor: "#fff"}));
      canvas.dispose();
      holder.remove();
    }));
    element.parentNode.insertBefore(tools, element.nextSibling);
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".chart"), draw);
  });
})();
