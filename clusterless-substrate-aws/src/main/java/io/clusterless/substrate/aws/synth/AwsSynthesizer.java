package io.clusterless.substrate.aws.synth;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.cache.UserCache;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.model.Deployable;
import io.clusterless.model.Placement;
import io.clusterless.naming.Label;
import io.clusterless.naming.PlacementNames;
import io.clusterless.substrate.aws.bootstrap.BootstrapStack;
import io.clusterless.substrate.aws.component.ArcWorkloadConstruct;
import io.clusterless.substrate.aws.component.AwsComponents;
import io.clusterless.substrate.aws.construct.ConstructException;
import io.clusterless.substrate.aws.construct.ProjectScope;
import io.clusterless.substrate.aws.construct.TagsAndAnnotations;
import io.clusterless.substrate.aws.jsii.JsiiStart;
import io.clusterless.substrate.aws.jsii.JsiiStop;
import io.clusterless.substrate.aws.project.ArcStack;
import io.clusterless.substrate.aws.project.GroupedStack;
import io.clusterless.substrate.aws.wire.WireValues;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Builds the CDK app of a set of project files, or of a placement's bootstrap, and synthesizes it into a cloud
 * assembly. Offline: account and region come from the placement, the VPC from bootstrap exports, and nothing is
 * looked up.
 */
public final class AwsSynthesizer {
    /** The assembly metadata type of a project stack's declared project name and version. */
    public static final String PROJECT_METADATA = "cls:project";
    private AwsSynthesizer() {
    }

    /**
     * Starts jsii's node process and loads the CDK libraries on another thread, so it overlaps with loading the
     * project files; {@link #synthesize} waits for it. Calling it is optional.
     */
    public static CompletableFuture<Void> warmUp() {
        return CompletableFuture.runAsync(() -> {
            loadCdk();
            Token.isUnresolved("warm-up");
        });
    }

    /** Why jsii loaded the CDK's modules the slow way itself, if it did ({@link JsiiStart#fallback}); for {@code -v}. */
    public static Optional<String> jsiiFallback() {
        return JsiiStart.fallback();
    }

    /**
     * Asks jsii's node process to exit, when this JVM started one ({@link JsiiStop}); running what it returns waits
     * for that and relays node's last output. For the end of the process: nothing may use jsii afterwards.
     */
    public static Optional<Runnable> beginJsiiStop() {
        return JsiiStop.begin().map(stop -> stop::finish);
    }

    /**
     * Loads the CDK's jsii modules from the user cache's copies of their tarballs ({@link JsiiStart}); once per JVM.
     * A first CDK call without it would have jsii copy each tarball out of its jar (~58 MB) into /tmp again.
     */
    private static void loadCdk() {
        JsiiStart.loadCdk(UserCache.root(System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    /** The stacks of every project file (reference §3.3), into {@code outdir}. */
    public static SynthResult synthesize(List<ProjectInput> inputs, SynthOptions options, Path outdir) {
        Timings timings = new Timings();
        App app = app(outdir, context(inputs));
        timings.mark("jsii start");
        List<String> notes = new ArrayList<>();
        // the tags of one project's stacks are the same on each: added once on the App, four round trips less per
        // stack; several projects in one App (the CLI refuses them, the synthesizer does not) tag each stack
        Set<ProjectTags> tags = new HashSet<>();
        inputs.forEach(input -> tags.add(ProjectTags.of(input.deployable(),
                PlacementNames.of(input.deployable().getPlacement()))));
        boolean appTags = !options.excludeAllTags() && tags.size() == 1;
        Map<Placement, List<ProjectInput>> byPlacement = new LinkedHashMap<>();
        for (ProjectInput input : inputs) {
            byPlacement.computeIfAbsent(input.deployable().getPlacement(), p -> new ArrayList<>()).add(input);
        }
        for (Map.Entry<Placement, List<ProjectInput>> entry : byPlacement.entrySet()) {
            Placement placement = entry.getKey();
            PlacementNames names = PlacementNames.of(placement);
            List<Deployable> deployables = entry.getValue().stream().map(ProjectInput::deployable).toList();
            PlacementPlan plan;
            try {
                plan = PlacementPlan.of(names, deployables, options.deployedOwners());
            } catch (IllegalArgumentException e) {
                throw new SynthException(e.getMessage());
            }
            for (int i = 0; i < deployables.size(); i++) {
                try {
                    project(app, plan, plan.projects().get(i), entry.getValue().get(i), options, appTags, notes);
                } catch (ConstructException e) {
                    throw new SynthException(e.getMessage());
                }
            }
        }
        if (appTags) {
            tags.iterator().next().addTo(TagsAndAnnotations.tags(app));
        }
        return finish(app, options, outdir, notes, timings);
    }

    /** The bootstrap stack of one placement (reference §3.2), into {@code outdir}. */
    public static SynthResult synthesizeBootstrap(PlacementNames placement, boolean nag, Path outdir) {
        Timings timings = new Timings();
        App app = app(outdir, Map.of());
        timings.mark("jsii start");
        new BootstrapStack(app, placement);
        return finish(app, new SynthOptions(Path.of("-"), false, null, false, null, false, nag, true), outdir,
                new ArrayList<>(), timings);
    }

    private static App app(Path outdir, Map<String, Object> context) {
        loadCdk();
        Map<String, Object> settings = new LinkedHashMap<>(context);
        // construct stack traces in metadata cost time per construct and say nothing about project files: the CDK
        // captures them for metadata entries (disable-stack-trace) and, since 2.2xx, for every CloudFormation
        // element's "aws:cdk:creationStack" entry (disable-creation-stack-traces), whose frames here are only
        // aws-cdk-lib's, the jsii kernel's and node's ("no user code in 10 frames")
        settings.put("aws:cdk:disable-stack-trace", true);
        settings.put("aws:cdk:disable-creation-stack-traces", true);
        return App.Builder.create()
                .outdir(outdir.toString())
                .analyticsReporting(false)
                .treeMetadata(false)
                .context(settings)
                .build();
    }

    /** App-level context (reference §3.3) when all files are one project version. */
    private static Map<String, Object> context(List<ProjectInput> inputs) {
        Map<String, Object> context = new LinkedHashMap<>();
        long projects = inputs.stream().map(i -> i.deployable().getProject().id()).distinct().count();
        if (projects == 1) {
            Deployable deployable = inputs.get(0).deployable();
            PlacementNames placement = PlacementNames.of(deployable.getPlacement());
            context.put("project", Label.of(deployable.getProject().getName()).hyphenated());
            context.put("version", deployable.getProject().getVersion());
            if (placement.stage() != null) {
                context.put("stage", placement.upperStage().hyphenated());
            }
        }
        return context;
    }

    /**
     * {@code appTags}: the App holds this project's stacks only, and its tags were added once on the App (the tag
     * aspect reaches every stack and resource below it), so the stacks take none of their own.
     */
    private static void project(App app, PlacementPlan placementPlan, ProjectPlan plan, ProjectInput input,
                                SynthOptions options, boolean appTags, List<String> notes) {
        ProjectScope scope = new ProjectScope(placementPlan, plan, input.baseDir(), input.display(), options, notes);
        List<Stack> stacks = new ArrayList<>();
        GroupedStack grouped = GroupedStack.create(app, scope);
        if (grouped != null) {
            stacks.add(grouped);
        }
        for (ArcPlan arc : plan.arcs()) {
            if (!options.includesArc(arc.name())) {
                continue;
            }
            ArcWorkloadConstruct workload = AwsComponents.defaults().find(arc.kind(), ArcWorkloadConstruct.class)
                    .orElseThrow(() -> new SynthException(input.display() + ": arc '" + arc.name() + "': type "
                            + arc.kind() + " cannot be placed on AWS"));
            ArcStack stack = new ArcStack(app, scope, arc, workload);
            if (grouped != null) {
                stack.addStackDependency(grouped);
            }
            stacks.add(stack);
        }
        scope.writeRolePolicies();
        if (!options.excludeAllTags()) {
            ProjectTags projectTags = appTags ? null : ProjectTags.of(plan.deployable(), plan.names().placement());
            for (Stack stack : stacks) {
                if (projectTags != null) {
                    projectTags.addTo(TagsAndAnnotations.tags(stack)); // one Tags.of per stack: a round trip each
                }
                // the name tag is hyphenated (ProjectTags); the declared name, which cls's own deploy records need,
                // goes into the assembly's metadata only (AssemblyStacks reads it back)
                WireValues.call(WireValues.get(stack, "node"), "addMetadata", PROJECT_METADATA, Map.of("name",
                        plan.deployable().getProject().getName(), "version",
                        plan.deployable().getProject().getVersion()));
            }
        }
    }

    /**
     * The {@code cls:project:*} tags every stack of a project carries (on each stack and, through the tag aspect,
     * each of its resources). The original's name tag is the hyphenated name (s3-simple).
     */
    private record ProjectTags(String name, String version, String stage) {
        static ProjectTags of(Deployable deployable, PlacementNames placement) {
            return new ProjectTags(Label.of(deployable.getProject().getName()).hyphenated(),
                    deployable.getProject().getVersion(),
                    placement.stage() == null ? null : placement.upperStage().hyphenated());
        }

        /** Adds them through {@code tags}, a {@link TagsAndAnnotations#tags} reference: one round trip each. */
        void addTo(JsonNode tags) {
            TagsAndAnnotations.addTag(tags, "cls:project:name", name);
            TagsAndAnnotations.addTag(tags, "cls:project:version", version);
            if (stage != null) {
                TagsAndAnnotations.addTag(tags, "cls:project:stage", stage);
            }
        }
    }

    private static SynthResult finish(App app, SynthOptions options, Path outdir, List<String> notes,
                                      Timings timings) {
        if (options.nag()) {
            Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(false).reports(false).build()));
        }
        timings.mark("constructs");
        CloudAssembly assembly = app.synth();
        timings.mark("synth");
        List<SynthResult.StackReport> stacks = AssemblyStacks.read(outdir);
        List<SynthResult.NagFinding> findings = new ArrayList<>();
        if (options.nag()) {
            for (CloudFormationStackArtifact stack : assembly.getStacks()) {
                for (SynthesisMessage message : stack.getMessages()) {
                    finding(stack.getStackName(), message).ifPresent(findings::add);
                }
            }
        }
        timings.mark("report");
        return new SynthResult(outdir, stacks, findings, notes, timings);
    }

    private static Optional<SynthResult.NagFinding> finding(String stack, SynthesisMessage message) {
        SynthesisMessageLevel level = message.getLevel();
        if (level == SynthesisMessageLevel.INFO) {
            return Optional.empty();
        }
        String text = String.valueOf(message.getEntry().getData());
        int colon = text.indexOf(':');
        String rule = colon > 0 ? text.substring(0, colon) : "";
        if (!rule.startsWith("AwsSolutions-")) {
            rule = "";
        }
        return Optional.of(new SynthResult.NagFinding(stack, message.getId(),
                level == SynthesisMessageLevel.ERROR ? "error" : "warning", rule,
                colon > 0 ? text.substring(colon + 1).strip() : text));
    }
}
