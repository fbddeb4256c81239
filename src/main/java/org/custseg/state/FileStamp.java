package org.custseg.state;

/** What identifies the content of an export file between runs: its size and modification time. */
public record FileStamp(long size, long modified) {}
