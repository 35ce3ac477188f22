package io.oomguard.cases.realfixes.metacat_hashstoreupgrade.before;

/** The DataONE system metadata of one object (reduced). */
public record SystemMetadata(
    String identifier, String localId, String checksum, String algorithm, String formatId) {}
