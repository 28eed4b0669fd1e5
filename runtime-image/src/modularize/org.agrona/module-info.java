/*
 * Module descriptor added to the Agrona jar so that jlink accepts it (Agrona ships as an automatic module only).
 * Used by the modularize-agrona executions of runtime-image/pom.xml. Generated with `jdeps --generate-module-info`
 * for agrona 2.6.0; `requires static java.compiler` instead of jdeps' `requires transitive` because only
 * org.agrona.generation (code generation at build time) uses it, and it should not pull java.compiler into the
 * image. Re-check the package list when upgrading Agrona (javac fails on an export of a package that is gone).
 *
 * At run time Agrona 2.x also needs --add-exports=java.base/jdk.internal.misc=org.agrona (image.jvm.flags).
 */
module org.agrona {
    requires java.management;
    requires static java.compiler;

    exports org.agrona;
    exports org.agrona.checksum;
    exports org.agrona.collections;
    exports org.agrona.concurrent;
    exports org.agrona.concurrent.broadcast;
    exports org.agrona.concurrent.errors;
    exports org.agrona.concurrent.ringbuffer;
    exports org.agrona.concurrent.status;
    exports org.agrona.console;
    exports org.agrona.generation;
    exports org.agrona.hints;
    exports org.agrona.io;
    exports org.agrona.nio;
    exports org.agrona.sbe;
}
