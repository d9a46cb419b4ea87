//! `uniffi-bindgen-swift --swift-sources --headers --modulemap …`: the Swift generator,
//! which writes one modulemap for the headers of every crate in the library (okr and
//! okr_core), as an XCFramework wants it.

fn main() {
    uniffi::uniffi_bindgen_swift()
}
