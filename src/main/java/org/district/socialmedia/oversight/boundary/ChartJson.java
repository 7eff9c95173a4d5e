package org.district.socialmedia.oversight.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/**
 * Chart.js configurations for PrimeFaces' p:chart (its value is the chart's JSON). Bars only: each chart
 * has its figures as a table beside it, so the chart never carries information of its own.
 */
final class ChartJson {

    /** Colours with at least 3:1 contrast against the white page (WCAG 1.4.11). */
    private static final List<String> COLOURS = List.of("#1f5f8b", "#b03a2e", "#2e7d32", "#6a1b9a", "#8d5300", "#37474f");

    /**
     * One factory for every chart: {@code Json.createObjectBuilder()} looks the JSON provider up through the
     * ServiceLoader at each call, which was four fifths of the dashboard's chart rendering (JFR, full District).
     */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(null);

    /** One series: its name and its values (a null value is drawn as no bar). */
    record Series(String label, List<? extends Number> values) {
    }

    private ChartJson() {
    }

    static String bar(List<String> labels, List<Series> series, String axisTitle, Double max, boolean horizontal) {
        JsonArrayBuilder labelArray = JSON.createArrayBuilder();
        labels.forEach(labelArray::add);
        JsonArrayBuilder datasets = JSON.createArrayBuilder();
        for (int i = 0; i < series.size(); i++) {
            JsonArrayBuilder data = JSON.createArrayBuilder();
            for (Number n : series.get(i).values()) {
                if (n == null) {
                    data.addNull();
                } else {
                    data.add(n.doubleValue());
                }
            }
            datasets.add(JSON.createObjectBuilder().add("label", series.get(i).label()).add("data", data)
                    .add("backgroundColor", COLOURS.get(i % COLOURS.size())));
        }
        JsonObjectBuilder valueAxis = JSON.createObjectBuilder().add("beginAtZero", true)
                .add("title", JSON.createObjectBuilder().add("display", true).add("text", axisTitle));
        if (max != null) {
            valueAxis.add("max", max);
        }
        JsonObjectBuilder options = JSON.createObjectBuilder()
                .add("responsive", true).add("maintainAspectRatio", false).add("animation", false)
                .add("indexAxis", horizontal ? "y" : "x")
                .add("plugins", JSON.createObjectBuilder().add("legend", JSON.createObjectBuilder().add("display", series.size() > 1)))
                .add("scales", JSON.createObjectBuilder().add(horizontal ? "x" : "y", valueAxis));
        return JSON.createObjectBuilder().add("type", "bar")
                .add("data", JSON.createObjectBuilder().add("labels", labelArray).add("datasets", datasets))
                .add("options", options).build().toString();
    }

    /** A share (0.9412) as a percentage with one decimal (94.1), null kept. */
    static Double percent(Double share) {
        return share == null ? null : Math.round(share * 1000) / 10.0;
    }
}
