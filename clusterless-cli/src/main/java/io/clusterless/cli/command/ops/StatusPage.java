package io.clusterless.cli.command.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.arc.ArcStateStore;
import io.clusterless.engine.arc.LotRuns;
import io.clusterless.engine.listener.ListenerSwitches;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.engine.status.DatasetFreshness;
import io.clusterless.engine.status.DatasetLot;
import io.clusterless.engine.status.Gap;
import io.clusterless.engine.status.GapFinder;
import io.clusterless.engine.status.PlacementFreshness;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.Freshness;
import io.clusterless.model.SinkDataset;
import io.clusterless.uri.ManifestURI;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * The status page: one self-contained HTML file (styles, script and data inline; nothing is fetched when it is
 * opened) with the lineage coloured by state, a heatmap of every dataset's lots with each gap's cause, how fresh
 * each dataset is, and each arc's recent lots.
 */
final class StatusPage {
    /** Per-lot codes in the page's data: the index into {@link #STATES}. */
    static final List<String> STATES = List.of("missing", "complete", "empty", "partial", "running", "failed",
            "disabled");

    record Page(String title, String generated, String placement, List<Lineage.Node> nodes, List<Lineage.Edge> edges,
                List<DatasetRow> datasets, List<ArcRow> arcs) {
    }

    /**
     * @param start  the first lot's start, epoch seconds; lot i starts at start + i * minutes * 60
     * @param states one code per lot of the window ({@link #STATES})
     * @param causes for lots that are not complete or empty: lot index to "cause: detail / error"
     */
    record DatasetRow(String id, String unit, int minutes, long start, String firstLot, int[] states,
                      Map<Integer, String> causes, String lastComplete, Long ageMinutes, Freshness targets,
                      String level) {
    }

    record ArcRow(String id, String name, String project, String type, Map<String, Integer> counts,
                  List<RecentLot> recent) {
    }

    /**
     * A recent lot of an arc and its runs, from the lot's arc state history.
     *
     * @param seconds  how long the newest run took; null while it runs or when unknown
     * @param attempts runs started for the lot
     * @param failures runs that ended partial or missing
     */
    record RecentLot(String lot, String state, String error, String started, Double seconds, int attempts,
                     int failures) {
    }

    /** Recent lots shown per arc: each one costs a read of its state object. */
    static final int RECENT = 10;

    private StatusPage() {
    }

    static Page collect(OperatedPlacement placement, Function<LotUnit, LotRange> window, Clock clock) {
        ListenerSwitches switches = new ListenerSwitches(placement.store(),
                placement.plan().placement().metadataBucket(), clock);
        Map<LotUnit, GapFinder> finders = new HashMap<>();
        Function<LotUnit, GapFinder> finder = unit -> finders.computeIfAbsent(unit,
                u -> new GapFinder(placement.plan(), placement.store(), switches, clock, window.apply(u)));
        // each dataset's and arc's lots are listed once, by the gap finder, and read from it by every part: at a
        // month of five-minute lots a listing is the page's cost (docs/benchmarks.md)
        Lineage lineage = Lineage.of(placement, new Lineage.Lots() {
            @Override
            public SortedMap<LotId, DatasetLot> dataset(String datasetId, LotUnit unit) {
                return finder.apply(unit).datasetLots(datasetId);
            }

            @Override
            public SortedMap<LotId, ArcState> arc(ArcPlan arc, LotUnit unit) {
                return finder.apply(unit).arcLots(arc);
            }
        });
        List<DatasetRow> datasets = new ArrayList<>();
        Map<String, SinkDataset> targeted = PlacementFreshness.targeted(placement.plan());
        for (String id : placement.datasets().keySet()) {
            LotUnit unit = placement.datasetUnit(id).orElse(LotUnit.TWELFTHS);
            LotRange range = window.apply(unit);
            SortedMap<LotId, DatasetLot> lots = finder.apply(unit).datasetLots(id);
            Map<String, Gap> gaps = new HashMap<>();
            finder.apply(unit).datasetGaps(id).forEach(gap -> gaps.put(gap.lot(), gap));
            int[] states = new int[(int) range.size()];
            Map<Integer, String> causes = new HashMap<>();
            LotId lastComplete = null;
            int i = 0;
            for (LotId lot : range) {
                DatasetLot found = lots.get(lot);
                String state = found == null ? "missing" : found.state().name();
                states[i] = Math.max(0, STATES.indexOf(state));
                if (found != null && found.state().name().equals("complete")) {
                    lastComplete = lot;
                }
                Gap gap = gaps.get(lot.format());
                if (gap != null) {
                    causes.put(i, describe(gap));
                    if (found == null && STATES.contains(gap.cause().toString())) {
                        // a missing lot shows why: its arc failed, runs, or was switched off
                        states[i] = STATES.indexOf(gap.cause().toString());
                    }
                }
                i++;
            }
            Long age = lastComplete == null ? null
                    : Duration.between(lastComplete.end(), clock.instant()).toMinutes();
            SinkDataset declared = targeted.get(id);
            // the level as cls freshness judges it: over the targets' own look-back, not the page's window
            String level = declared == null ? null : DatasetFreshness.check(placement.store(),
                    ManifestURI.ofDatasetId(placement.plan().placement().manifestBucket(), id), unit,
                    declared.getFreshness(), clock.instant()).level().name();
            datasets.add(new DatasetRow(id, unit.displayName(), unit.minutes(), range.start().start().getEpochSecond(),
                    range.start().format(), states, causes, lastComplete == null ? null : lastComplete.format(), age,
                    declared == null ? null : declared.getFreshness(), level));
        }
        List<ArcRow> arcs = new ArrayList<>();
        for (ProjectPlan project : placement.plan().projects()) {
            String projectId = OperatedPlacement.projectId(project);
            for (ArcPlan arc : project.arcs()) {
                LotUnit unit = placement.arcUnit(arc).orElse(LotUnit.TWELFTHS);
                SortedMap<LotId, ArcState> states = finder.apply(unit).arcLots(arc);
                Map<String, Integer> counts = new java.util.TreeMap<>();
                states.values().forEach(state -> counts.merge(state.name(), 1, Integer::sum));
                Map<String, String> errors = new HashMap<>();
                finder.apply(unit).arcGaps(project, arc).forEach(gap -> {
                    if (gap.error() != null) {
                        errors.put(gap.lot(), gap.error());
                    }
                });
                List<RecentLot> recent = new ArrayList<>();
                List<LotId> lots = new ArrayList<>(states.keySet());
                ArcStateStore history = new ArcStateStore(placement.store(), arc.gateProps().arcStateURI(), clock);
                for (int j = lots.size() - 1; j >= 0 && recent.size() < RECENT; j--) {
                    LotId lot = lots.get(j);
                    LotRuns runs = LotRuns.of(lot.format(), states.get(lot), history.history(lot.format()));
                    String error = errors.getOrDefault(lot.format(), runs.error());
                    recent.add(new RecentLot(lot.format(), states.get(lot).name(), error,
                            runs.started() == null ? null : runs.started().toString(),
                            runs.duration() == null ? null : runs.duration().toMillis() / 1000.0, runs.attempts(),
                            runs.failures()));
                }
                arcs.add(new ArcRow("arc:" + projectId + "/" + arc.name(), arc.name(), projectId, arc.kind(), counts,
                        recent));
            }
        }
        var names = placement.plan().placement();
        String placementName = (names.stage() == null ? "" : "stage " + names.stage() + ", ") + "account "
                + names.account() + ", region " + names.region();
        return new Page("clusterless status: " + placement.origin(), Instant.now(clock).toString(), placementName,
                lineage.nodes(), lineage.edges(), datasets, arcs);
    }

    private static String describe(Gap gap) {
        StringBuilder text = new StringBuilder(gap.cause().toString());
        if (gap.detail() != null) {
            text.append(": ").append(gap.detail());
        }
        if (gap.error() != null) {
            text.append(" (").append(gap.error()).append(')');
        }
        return text.toString();
    }

    /** The page: the template with the data inlined; {@code </} in data is escaped so it cannot end the script. */
    static String html(Page page) {
        String data;
        try {
            data = Json.records().writeValueAsString(page).replace("</", "<\\/").replace("<!--", "<\\!--");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return template().replace("/*CLS_DATA*/null", data).replace("CLS_TITLE", escape(page.title()));
    }

    private static String template() {
        try (InputStream in = StatusPage.class.getResourceAsStream("status-page.html")) {
            if (in == null) {
                throw new IllegalStateException("status-page.html is missing from the cls jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
