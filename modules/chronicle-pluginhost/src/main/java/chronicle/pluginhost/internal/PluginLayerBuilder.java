package chronicle.pluginhost.internal;

import chronicle.pluginhost.api.PluginProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns a {@code plugins/} folder into module layers, one jar or folder failing on its own.
 *
 * <p>Top-level jars share one layer; each sub-folder gets a layer of its own, so two plug-ins never see each
 * other's dependencies. A jar with a bad descriptor, a duplicate module or a missing dependency becomes a
 * {@link PluginProblem} and is left out, while every other plug-in still loads.
 *
 * <p>Before anything is read, {@link DropInPermissions} checks owner and mode: a jar or sub-folder that another
 * user could change is not loaded, and a drop-in folder that another user could change loads nothing.
 */
public final class PluginLayerBuilder {

    private final ModuleLayer parent;
    private final DropInPermissions permissions;
    private final List<PluginLayer> layers = new ArrayList<>();
    private final List<PluginProblem> problems = new ArrayList<>();

    /**
     * @param parent      the layer plug-ins are children of (the boot layer in production).
     * @param permissions the owner and mode check every drop-in must pass.
     */
    public PluginLayerBuilder(ModuleLayer parent, DropInPermissions permissions) {
        this.parent = parent;
        this.permissions = permissions;
    }

    /**
     * Builds the layers of a plug-ins folder; a missing folder gives no layers.
     *
     * @param pluginsDir the folder to read.
     * @return this builder, for {@link #layers()} and {@link #problems()}.
     */
    public PluginLayerBuilder load(Path pluginsDir) {
        if (!Files.isDirectory(pluginsDir)) {
            return this;
        }
        Optional<DropInPermissions.Refusal> unsafeFolder = permissions.check(pluginsDir);
        if (unsafeFolder.isPresent()) {
            problems.add(new PluginProblem(pluginsDir, unsafeFolder.get().fault()
                    + ", so none of the drop-ins in it is loaded; " + unsafeFolder.get().fix()));
            return this;
        }
        List<Path> jars = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> entries = Files.list(pluginsDir)) {
            entries.sorted().forEach(p -> {
                if (Files.isDirectory(p)) {
                    admit(p, permissions.checkTree(p), folders);
                } else if (p.getFileName().toString().endsWith(".jar")) {
                    admit(p, permissions.check(p), jars);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plug-ins folder " + pluginsDir, e);
        }
        loadTopLevel(jars);
        folders.forEach(this::loadFolder);
        return this;
    }

    /**
     * @return the layers that loaded.
     */
    public List<PluginLayer> layers() {
        return List.copyOf(layers);
    }

    /**
     * @return the jars and folders that were skipped, with their reasons.
     */
    public List<PluginProblem> problems() {
        return List.copyOf(problems);
    }

    private void admit(Path dropIn, Optional<DropInPermissions.Refusal> refusal, List<Path> admitted) {
        if (refusal.isPresent()) {
            problems.add(new PluginProblem(dropIn, refusal.get().reason()));
        } else {
            admitted.add(dropIn);
        }
    }

    private void loadTopLevel(List<Path> jars) {
        Map<String, Path> candidates = new LinkedHashMap<>();
        for (Path jar : jars) {
            String module = describe(jar);
            if (module == null) {
                continue;
            }
            Path first = candidates.get(module);
            if (first != null) {
                problems.add(new PluginProblem(jar, "duplicate module " + module + " (also in "
                        + first.getFileName() + "): keep one of the two jars"));
            } else if (!clashesWithParent(jar, module)) {
                candidates.put(module, jar);
            }
        }
        // Resolve all together; drop each jar whose own resolution fails, then try the rest again.
        while (!candidates.isEmpty()) {
            try {
                define("plugins/", ModuleFinder.of(candidates.values().toArray(Path[]::new)), candidates.keySet());
                return;
            } catch (ResolutionException | FindException | LayerInstantiationException e) {
                int before = candidates.size();
                ModuleFinder all = ModuleFinder.of(candidates.values().toArray(Path[]::new));
                candidates.entrySet().removeIf(entry -> {
                    try {
                        // Without service binding: a broken provider elsewhere must not fail this jar's check.
                        Configuration.resolve(all, List.of(parent.configuration()), ModuleFinder.of(),
                                Set.of(entry.getKey()));
                        return false;
                    } catch (ResolutionException | FindException single) {
                        problems.add(new PluginProblem(entry.getValue(), reason(single)));
                        return true;
                    }
                });
                if (candidates.size() == before) {
                    // Each resolves alone but not together (for example a package split between two jars).
                    candidates.values().forEach(jar -> problems.add(new PluginProblem(jar, reason(e))));
                    return;
                }
            }
        }
    }

    private void loadFolder(Path folder) {
        try {
            ModuleFinder finder = ModuleFinder.of(folder);
            List<String> roots = new ArrayList<>();
            for (ModuleReference ref : finder.findAll()) {
                String name = ref.descriptor().name();
                if (isChronicleModuleOfParent(name)) {
                    problems.add(new PluginProblem(folder, "bundles module " + name
                            + ", which the runtime image already provides: remove that jar from the folder"));
                    return;
                }
                roots.add(name);
            }
            if (roots.isEmpty()) {
                problems.add(new PluginProblem(folder, "no jar in the folder: put the plug-in jar and its "
                        + "dependencies in it"));
                return;
            }
            define("plugins/" + folder.getFileName() + "/", finder, roots);
        } catch (ResolutionException | FindException | LayerInstantiationException e) {
            problems.add(new PluginProblem(folder, reason(e)));
        }
    }

    private void define(String origin, ModuleFinder finder, Collection<String> roots) {
        Configuration cf = Configuration.resolveAndBind(finder, List.of(parent.configuration()),
                ModuleFinder.of(), roots);
        ModuleLayer.Controller controller = ModuleLayer.defineModulesWithOneLoader(cf, List.of(parent),
                ClassLoader.getSystemClassLoader());
        // Command-line --enable-native-access cannot name modules of a child layer; the host grants it here.
        controller.layer().modules().forEach(controller::enableNativeAccess);
        layers.add(new PluginLayer(origin, controller.layer()));
    }

    private String describe(Path jar) {
        try {
            Set<ModuleReference> refs = ModuleFinder.of(jar).findAll();
            if (refs.isEmpty()) {
                problems.add(new PluginProblem(jar, "not a module or a jar the module system can read"));
                return null;
            }
            return refs.iterator().next().descriptor().name();
        } catch (FindException e) {
            problems.add(new PluginProblem(jar, reason(e)));
            return null;
        }
    }

    private boolean clashesWithParent(Path jar, String module) {
        if (isChronicleModuleOfParent(module) || parent.findModule(module).isPresent()) {
            problems.add(new PluginProblem(jar, "module " + module + " is already in the runtime image: "
                    + "remove the jar, or put it in a sub-folder with the plug-in that needs its own copy"));
            return true;
        }
        return false;
    }

    private boolean isChronicleModuleOfParent(String module) {
        return module.startsWith("chronicle.") && parent.findModule(module).isPresent();
    }

    private static String reason(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            text.append(": ").append(cause.getMessage());
        }
        if (e instanceof ResolutionException && text.indexOf(" not found") >= 0) {
            text.append(" (put the plug-in and the jars it needs together in a sub-folder of plugins/)");
        }
        return text.toString();
    }
}
