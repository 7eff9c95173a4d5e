package org.district.socialmedia.oversight.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/**
 * Chart.js configurations for PrimeFaces' p:chart (its value is the chart's JSON). Bars only: each chart
 * has its figures as a table beside it, so the chart never carries information of its own.
 */
final class ChartJson {

    /** Colours with at least 3:1 contrast against the white page (WCAG 1.4.11). */
    private static final List<String> COLOURS = List.of("#1f5f8b", "#b03a2e", "#2e7d32", "#6a1b9a", "#8d5300", "#37474f");

    /** One series: its name and its values (a null value is drawn as no bar). */
    record Series(String label, List<? extends Number> values) {
    }

    private ChartJson() {
    }

    static String bar(List<String> labels, List<Series> series, String axisTitle, Double max, boolean horizontal) {
        JsonArrayBuilder labelArray = Json.createArrayBuilder();
        labels.forEach(labelArray::add);
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (int i = 0; i < series.size(); i++) {
            JsonArrayBuilder data = Json.createArrayBuilder();
            for (Number n : series.get(i).values()) {
                if (n == null) {
                    data.addNull();
                } else {
                    data.add(n.doubleValue());
                }
            }
            datasets.add(Json.createObjectBuilder().add("label", series.get(i).label()).add("data", data)
                    .add("backgroundColor", COLOURS.get(i % COLOURS.size())));
        }
        JsonObjectBuilder valueAxis = Json.createObjectBuilder().add("beginAtZero", true)
                .add("title", Json.createObjectBuilder().add("display", true).add("text", axisTitle));
        if (max != null) {
            valueAxis.add("max", max);
        }
        JsonObjectBuilder options = Json.createObjectBuilder()
                .add("responsive", true).add("maintainAspectRatio", false).add("animation", false)
                .add("indexAxis", horizontal ? "y" : "x")
                .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("display", series.size() > 1)))
                .add("scales", Json.createObjectBuilder().add(horizontal ? "x" : "y", valueAxis));
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labelArray).add("datasets", datasets))
                .add("options", options).build().toString();
    }

    /** A share (0.9412) as a percentage with one decimal (94.1), null kept. */
    static Double percent(Double share) {
        return share == null ? null : Math.round(share * 1000) / 10.0;
    }
}
