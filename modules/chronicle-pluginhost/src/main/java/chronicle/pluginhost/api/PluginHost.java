package chronicle.pluginhost.api;

import chronicle.pluginhost.internal.DropInPermissions;
import chronicle.pluginhost.internal.PluginLayer;
import chronicle.pluginhost.internal.PluginLayerBuilder;
import chronicle.pluginhost.spi.Plugin;

import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the providers of Chronicle's SPIs in the runtime image and in its {@code plugins/} folder.
 *
 * <p>Where plug-ins come from:
 * <ul>
 *   <li>the boot layer: the modules linked into the image (the built-in plug-ins), and the class path;</li>
 *   <li>{@code <image>/plugins/*.jar}: all top-level jars together form one child layer;</li>
 *   <li>{@code <image>/plugins/<folder>/}: each sub-folder (a plug-in jar and its own dependencies) forms its own
 *       child layer, so plug-ins never see each other's dependencies.</li>
 * </ul>
 * A broken plug-in (bad descriptor, duplicate module, missing dependency, failing constructor) becomes one
 * {@link PluginProblem}, naming the jar and the reason, and every other plug-in still loads.
 *
 * <p>A plug-in runs with the rights of whoever starts it, so, as OpenSSH's {@code StrictModes} does, the host
 * refuses a drop-in jar or sub-folder (or anything inside one) that is owned by a user other than the launcher's
 * user or root, or that its group or other users may write to; a drop-in folder that fails the same check loads
 * nothing. Each refusal is a {@link PluginProblem} naming the path and the {@code chmod} or {@code chown} that
 * fixes it. {@link #permissionCheck()} says what was checked (nothing, on a file system without POSIX attributes).
 *
 * <p><b>Thread safety:</b> a host is immutable once built and may be shared; its layers live as long as it does.
 */
public final class PluginHost {

    /** System property that overrides the plug-ins folder (defaults to {@code <java.home>/plugins}). */
    public static final String PLUGINS_DIR_PROPERTY = "chronicle.plugins.dir";

    private final Path pluginsDir;
    private final String permissionCheck;
    private final List<PluginLayer> layers;
    private final List<PluginProblem> loadProblems;

    private PluginHost(Path pluginsDir, String permissionCheck, List<PluginLayer> layers,
                       List<PluginProblem> problems) {
        this.pluginsDir = pluginsDir;
        this.permissionCheck = permissionCheck;
        this.layers = layers;
        this.loadProblems = problems;
    }

    /**
     * The host of the running image: plug-ins from {@code -Dchronicle.plugins.dir}, else {@code <java.home>/plugins}.
     *
     * @return a host with every loadable plug-in layer defined.
     */
    public static PluginHost forRuntimeImage() {
        String override = System.getProperty(PLUGINS_DIR_PROPERTY);
        Path dir = override != null ? Path.of(override) : Path.of(System.getProperty("java.home"), "plugins");
        return of(dir);
    }

    /**
     * A host over a given plug-ins folder; a folder that does not exist means no drop-in plug-ins.
     *
     * @param pluginsDir the folder to read.
     * @return a host with every loadable plug-in layer defined.
     */
    public static PluginHost of(Path pluginsDir) {
        DropInPermissions permissions = DropInPermissions.forLauncher(pluginsDir.getFileSystem());
        PluginLayerBuilder builder = new PluginLayerBuilder(ModuleLayer.boot(), permissions).load(pluginsDir);
        return new PluginHost(pluginsDir, permissions.describe(), builder.layers(), builder.problems());
    }

    /**
     * @return the drop-in folder this host read.
     */
    public Path pluginsDir() {
        return pluginsDir;
    }

    /**
     * What every drop-in had to pass before it was read.
     *
     * @return for example {@code drop-ins must be owned by alice or root and not writable by group or others},
     *         or, on a file system without POSIX attributes, a sentence saying that owner and mode were not checked.
     */
    public String permissionCheck() {
        return permissionCheck;
    }

    /**
     * Jars and folders that could not be loaded at all.
     *
     * @return one problem per skipped jar or folder.
     */
    public List<PluginProblem> problems() {
        return loadProblems;
    }

    /**
     * Every loadable provider of one SPI, from the image first, then from the drop-in layers.
     *
     * @param spi the SPI interface.
     * @param <S> the SPI type.
     * @return the providers, in a stable order.
     */
    public <S extends Plugin> List<PluginProvider<S>> providers(Class<S> spi) {
        return load(spi, new ArrayList<>());
    }

    /**
     * The provider of an SPI with a given name.
     *
     * @param spi  the SPI interface.
     * @param name the name the user typed.
     * @param <S>  the SPI type.
     * @return the first provider with that name, image before drop-ins.
     */
    public <S extends Plugin> Optional<PluginProvider<S>> find(Class<S> spi, String name) {
        return providers(spi).stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Providers whose class could not be instantiated, for every SPI the image and plug-ins provide.
     *
     * @return one problem per failing provider, in addition to {@link #problems()}.
     */
    public List<PluginProblem> providerProblems() {
        List<PluginProblem> problems = new ArrayList<>();
        for (Class<? extends Plugin> spi : spis()) {
            load(spi, problems);
        }
        return problems;
    }

    /**
     * Every provider of every SPI found: the SPIs are read from the {@code provides} clauses of the image's and
     * the plug-ins' modules, keeping those that extend {@link Plugin}.
     *
     * @return providers grouped by SPI name.
     */
    public List<PluginProvider<?>> allProviders() {
        List<PluginProvider<?>> all = new ArrayList<>();
        for (Class<? extends Plugin> spi : spis()) {
            all.addAll(providers(spi));
        }
        return all;
    }

    /**
     * The SPIs that at least one loaded module provides.
     *
     * @return SPI interfaces, sorted by name.
     */
    public List<Class<? extends Plugin>> spis() {
        Set<Class<? extends Plugin>> spis = new LinkedHashSet<>();
        List<ModuleLayer> all = new ArrayList<>();
        all.add(ModuleLayer.boot());
        layers.forEach(l -> all.add(l.layer()));
        for (ModuleLayer layer : all) {
            for (Module module : layer.modules()) {
                for (ModuleDescriptor.Provides provides : module.getDescriptor().provides()) {
                    spiClass(module, provides.service()).ifPresent(spis::add);
                }
            }
        }
        return spis.stream().sorted(Comparator.comparing(Class::getName)).collect(Collectors.toList());
    }

    private static Optional<Class<? extends Plugin>> spiClass(Module module, String service) {
        try {
            Class<?> type = Class.forName(service, false, module.getClassLoader());
            return Plugin.class.isAssignableFrom(type) && type != Plugin.class
                    ? Optional.of(type.asSubclass(Plugin.class)) : Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private <S extends Plugin> List<PluginProvider<S>> load(Class<S> spi, List<PluginProblem> problems) {
        List<PluginProvider<S>> found = new ArrayList<>();
        // ServiceLoader checks the caller's `uses`; the host loads on behalf of the SPI's owner.
        PluginHost.class.getModule().addUses(spi);
        // The boot layer and the class path, through the system class loader.
        collect(spi, ServiceLoader.load(spi, ClassLoader.getSystemClassLoader()), null, "image", found, problems);
        for (PluginLayer layer : layers) {
            collect(spi, ServiceLoader.load(layer.layer(), spi), layer.layer(), layer.origin(), found, problems);
        }
        return found;
    }

    private static <S extends Plugin> void collect(Class<S> spi, ServiceLoader<S> loader, ModuleLayer only,
                                                  String origin, List<PluginProvider<S>> into,
                                                  List<PluginProblem> problems) {
        Iterator<ServiceLoader.Provider<S>> it = loader.stream().iterator();
        while (true) {
            ServiceLoader.Provider<S> provider;
            try {
                if (!it.hasNext()) {
                    return;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                problems.add(new PluginProblem(Path.of(origin), spi.getSimpleName() + ": " + e.getMessage()));
                continue;
            }
            Module module = provider.type().getModule();
            if (only != null && module.getLayer() != only) {
                continue; // a provider of a parent layer, already listed
            }
            try {
                S instance = provider.get();
                into.add(new PluginProvider<>(spi, instance, versionOf(provider.type()), moduleName(module), origin));
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add(new PluginProblem(Path.of(origin), provider.type().getName() + " ("
                        + spi.getSimpleName() + "): " + e.getMessage()
                        + (e.getCause() != null ? ": " + e.getCause() : "")));
            }
        }
    }

    private static String moduleName(Module module) {
        return module.isNamed() ? module.getName() : "<unnamed>";
    }

    private static String versionOf(Class<?> type) {
        Module module = type.getModule();
        if (module.isNamed() && module.getDescriptor().rawVersion().isPresent()) {
            return module.getDescriptor().rawVersion().get();
        }
        String implementation = type.getPackage().getImplementationVersion();
        return implementation != null ? implementation : "unversioned";
    }
}
