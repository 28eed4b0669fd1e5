package chronicle.architecture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class LayerTableTest {

    /** Every module of the build: each folder under modules/ and plugins/ with a module-info.java. */
    static List<ModuleDescriptor> buildDescriptors() throws IOException {
        Path root = Path.of(System.getProperty("chronicle.root", "..")).toAbsolutePath().normalize();
        List<ModuleDescriptor> descriptors = new ArrayList<>();
        for (String group : List.of("modules", "plugins")) {
            try (Stream<Path> dirs = Files.list(root.resolve(group))) {
                for (Path dir : dirs.sorted().toList()) {
                    if (!Files.exists(dir.resolve("src/main/java/module-info.java"))) {
                        continue;
                    }
                    Path compiled = dir.resolve("target/classes/module-info.class");
                    assertTrue(Files.exists(compiled), dir + " has a module-info.java but no compiled descriptor: "
                            + "add it as a dependency of architecture-tests/pom.xml so the reactor builds it first");
                    try (InputStream in = Files.newInputStream(compiled)) {
                        descriptors.add(ModuleDescriptor.read(in));
                    }
                }
            }
        }
        return descriptors;
    }

    @Test
    void shouldFindEveryModuleOfTheBuildAndNoViolation() throws IOException {
        List<ModuleDescriptor> descriptors = buildDescriptors();
        List<String> names = descriptors.stream().map(ModuleDescriptor::name).toList();
        assertTrue(names.containsAll(List.of("chronicle.core", "chronicle.pluginhost", "chronicle.bus",
                "chronicle.storage", "chronicle.cli", "chronicle.plugin.compressor.zstd")), names.toString());
        assertEquals(List.of(), LayerTable.violations(descriptors));
    }

    @Test
    void shouldRejectAnEdgeFromALowerLayerToAHigherOne() {
        ModuleDescriptor core = ModuleDescriptor.newModule("chronicle.core").requires("chronicle.cli").build();
        assertEquals(List.of("chronicle.core (layer 1) -> chronicle.cli (layer 4): forbidden edge"),
                LayerTable.violations(List.of(core)));
    }

    @Test
    void shouldAllowLeftToRightWithinALayerButNotRightToLeft() {
        ModuleDescriptor storage = ModuleDescriptor.newModule("chronicle.storage").requires("chronicle.bus").build();
        ModuleDescriptor bus = ModuleDescriptor.newModule("chronicle.bus").requires("chronicle.storage").build();
        assertEquals(List.of(), LayerTable.violations(List.of(storage)));
        assertEquals(List.of("chronicle.bus (layer 2) -> chronicle.storage (layer 2): forbidden edge"),
                LayerTable.violations(List.of(bus)));
    }

    @Test
    void shouldKeepPluginsOffTheAppLayerAndOffEachOther() {
        ModuleDescriptor plugin = ModuleDescriptor.newModule("chronicle.plugin.x")
                .requires("chronicle.storage").requires("chronicle.cli").requires("chronicle.plugin.y").build();
        ModuleDescriptor cli = ModuleDescriptor.newModule("chronicle.cli").requires("chronicle.plugin.x").build();
        List<String> problems = LayerTable.violations(List.of(plugin, cli));
        assertEquals(3, problems.size(), problems.toString());
        assertFalse(problems.stream().anyMatch(p -> p.contains("chronicle.storage")), problems.toString());
    }

    @Test
    void shouldLetAPluginRequireTheAppLayerModuleThatOwnsItsSpi() {
        ModuleDescriptor sink = ModuleDescriptor.newModule("chronicle.plugin.extract.x")
                .requires("chronicle.etl").requires("chronicle.storage").build();
        ModuleDescriptor app = ModuleDescriptor.newModule("chronicle.plugin.y").requires("chronicle.framework").build();
        assertEquals(List.of(), LayerTable.violations(List.of(sink)));
        assertEquals(List.of("chronicle.plugin.y (layer plug-in) -> chronicle.framework (layer 4): forbidden edge"),
                LayerTable.violations(List.of(app)));
    }

    @Test
    void shouldPlaceThePluginHostInLayerOneWhereTheJournalCannotRequireIt() {
        assertEquals(OptionalInt.of(1), LayerTable.layerOf("chronicle.pluginhost"));
        ModuleDescriptor storage = ModuleDescriptor.newModule("chronicle.storage")
                .requires("chronicle.pluginhost").build();
        ModuleDescriptor plugin = ModuleDescriptor.newModule("chronicle.plugin.x")
                .requires("chronicle.pluginhost").build();
        ModuleDescriptor core = ModuleDescriptor.newModule("chronicle.core").requires("chronicle.pluginhost").build();
        assertEquals(List.of(), LayerTable.violations(List.of(storage, plugin)));
        assertEquals(List.of("chronicle.core (layer 1) -> chronicle.pluginhost (layer 1): forbidden edge"),
                LayerTable.violations(List.of(core)));
    }

    @Test
    void shouldRejectAModuleMissingFromTheTableAndAnExportedInternalPackage() {
        ModuleDescriptor stranger = ModuleDescriptor.newModule("chronicle.mystery").build();
        ModuleDescriptor leaky = ModuleDescriptor.newModule("chronicle.bus")
                .exports("chronicle.bus.internal").exports("chronicle.bus.api").build();
        assertEquals(List.of("chronicle.mystery: missing from the layer table (add it to LayerTable and docs/DESIGN.md)",
                        "chronicle.bus: exports chronicle.bus.internal, which is not an api or spi package"),
                LayerTable.violations(List.of(stranger, leaky)));
    }
}
