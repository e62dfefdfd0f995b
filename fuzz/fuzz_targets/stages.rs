//! Every input, decoded as a `Stages`, must keep the properties `stages_fuzz::check` lists.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    stages_fuzz::check::<stages_model::Stages>(data);
});
