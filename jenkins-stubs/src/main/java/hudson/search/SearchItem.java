package hudson.search;

/** Compile-only stub of {@code hudson.search.SearchItem}. */
public interface SearchItem {}
