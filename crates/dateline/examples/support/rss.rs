//! Peak resident memory, shared by the benchmark examples.

/// Peak resident set size of this process in KiB, from /proc (0 where there is none).
pub fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}
