// Draws the live page's charts with uPlot from the samples the API keeps, and adds each new sample.
/* global uPlot */
"use strict";

const COLORS = ["#2563eb", "#dc2626", "#16a34a"];

function chartFor(figure, samples) {
  const series = figure.dataset.series.split(",");
  const options = {
    width: Math.max(320, figure.clientWidth - 16),
    height: 200,
    series: [{}, ...series.map((name, i) => ({ label: name, stroke: COLORS[i], width: 2 }))],
    axes: [{}, { size: 60 }],
  };
  return new uPlot(options, columns(samples, series), figure);
}

function columns(samples, series) {
  return [samples.map((s) => s.t / 1000), ...series.map((name) => samples.map((s) => s[name]))];
}

async function fetchSamples(source) {
  const response = await fetch(source, {
    credentials: "same-origin",
    headers: { accept: "application/json" },
  });
  if (response.redirected || !response.ok) throw new Error(`live samples: ${response.status}`);
  return (await response.json()).samples;
}

async function start() {
  const root = document.querySelector(".charts");
  if (!root) return;
  const source = root.dataset.source;
  const figures = [...root.querySelectorAll(".chart")];
  const samples = await fetchSamples(source);
  const charts = figures.map((figure) => chartFor(figure, samples));
  root.dataset.drawn = String(charts.length);
  setInterval(async () => {
    try {
      const latest = await fetchSamples(source);
      charts.forEach((chart, i) => chart.setData(columns(latest, figures[i].dataset.series.split(","))));
    } catch (error) {
      console.warn(error);
    }
  }, Number(root.dataset.intervalMs) || 5000);
}

document.addEventListener("DOMContentLoaded", () => start().catch((error) => console.error(error)));
