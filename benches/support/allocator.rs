//! The allocator the `copydesk` binary runs with (see `src/main.rs`), so a
//! benchmark measures what users run: checking allocates many small values
//! per article on every core, and the system allocator is markedly slower
//! at that.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
