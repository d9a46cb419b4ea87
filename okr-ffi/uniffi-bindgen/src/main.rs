//! `uniffi-bindgen generate --library target/…/libokr_ffi.so --language kotlin …`: the
//! generator must be the same uniffi version as the library it reads, so it is built
//! from this workspace rather than installed.

fn main() {
    uniffi::uniffi_bindgen_main()
}
