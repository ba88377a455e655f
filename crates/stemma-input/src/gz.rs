//! Whole-buffer gzip inflate for page files (libdeflate): about twice the speed of streaming
//! zlib-rs, and one exactly sized output buffer instead of a growing one.
//!
//! Only the plain case is taken here: one gzip member that inflates completely, consumes the
//! whole input, and fits the limit. Anything else (several members, damage, a size over the
//! limit) answers `None`, and the caller reads the file again through the streaming decoder,
//! which handles every case and names the error.

use std::cell::RefCell;
use std::ptr::NonNull;

use libdeflate_sys::{
    libdeflate_alloc_decompressor, libdeflate_decompressor, libdeflate_free_decompressor,
    libdeflate_gzip_decompress_ex, libdeflate_result_LIBDEFLATE_SUCCESS,
};

/// One libdeflate decompressor (about 32 KiB of tables), kept per thread.
struct Inflater(NonNull<libdeflate_decompressor>);

impl Drop for Inflater {
    fn drop(&mut self) {
        // SAFETY: the pointer came from libdeflate_alloc_decompressor and is freed once.
        unsafe { libdeflate_free_decompressor(self.0.as_ptr()) }
    }
}

thread_local! {
    static INFLATER: RefCell<Option<Inflater>> = const { RefCell::new(None) };
}

/// Inflate `packed` if it is exactly one gzip member of at most `max` bytes inflated.
pub(crate) fn inflate_single_member(packed: &[u8], max: usize) -> Option<Vec<u8>> {
    // The trailer's ISIZE is the member's size mod 2^32: exact for pages under 4 GiB, and
    // checked by libdeflate against what it inflates.
    let at = packed.len().checked_sub(4)?;
    let size = u32::from_le_bytes(packed[at..].try_into().ok()?) as usize;
    if size > max {
        return None;
    }
    INFLATER.with(|cell| {
        let mut cell = cell.try_borrow_mut().ok()?;
        if cell.is_none() {
            // SAFETY: plain allocation; a null result (out of memory) is handled.
            let p = unsafe { libdeflate_alloc_decompressor() };
            *cell = Some(Inflater(NonNull::new(p)?));
        }
        let d = cell.as_ref()?.0.as_ptr();
        let mut out: Vec<u8> = Vec::with_capacity(size);
        let (mut used_in, mut used_out) = (0usize, 0usize);
        // SAFETY: `packed` is read-only input of the given length; `out` has `size` bytes of
        // capacity that libdeflate may write (never more than out_nbytes_avail); both
        // counters are valid for writes.
        let result = unsafe {
            libdeflate_gzip_decompress_ex(
                d,
                packed.as_ptr().cast(),
                packed.len(),
                out.as_mut_ptr().cast(),
                size,
                &mut used_in,
                &mut used_out,
            )
        };
        if result != libdeflate_result_LIBDEFLATE_SUCCESS
            || used_in != packed.len()
            || used_out != size
        {
            return None;
        }
        // SAFETY: libdeflate wrote exactly `used_out` (== size, within capacity) bytes.
        unsafe { out.set_len(used_out) };
        Some(out)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn one_member_inflates() {
        let page =
            b"<html><body><p>Invented page for the Halden Courier.</p></body></html>".repeat(50);
        assert_eq!(inflate_single_member(&gzip(&page), 1 << 20), Some(page));
        assert_eq!(inflate_single_member(&gzip(b""), 10), Some(Vec::new()));
    }

    #[test]
    fn anything_else_is_left_to_the_streaming_reader() {
        let a = gzip(b"first member ");
        let b = gzip(b"second member");
        // Two members, even two identical ones: not taken (the stream reader joins them).
        assert_eq!(
            inflate_single_member(&[a.clone(), b].concat(), 1 << 20),
            None
        );
        assert_eq!(
            inflate_single_member(&[a.clone(), a.clone()].concat(), 1 << 20),
            None
        );
        // Truncated, damaged, over the limit, too short, not gzip.
        assert_eq!(inflate_single_member(&a[..a.len() - 3], 1 << 20), None);
        let mut bad = a.clone();
        bad[12] ^= 0xff;
        assert_eq!(inflate_single_member(&bad, 1 << 20), None);
        assert_eq!(inflate_single_member(&a, 4), None);
        assert_eq!(inflate_single_member(b"ab", 10), None);
        assert_eq!(
            inflate_single_member(b"not gzip at all, plain text", 1 << 20),
            None
        );
    }

    #[test]
    fn a_lying_size_trailer_is_refused() {
        let mut a = gzip(b"the size field says otherwise");
        let n = a.len();
        a[n - 4..].copy_from_slice(&1000u32.to_le_bytes());
        assert_eq!(inflate_single_member(&a, 1 << 20), None);
        a[n - 4..].copy_from_slice(&3u32.to_le_bytes());
        assert_eq!(inflate_single_member(&a, 1 << 20), None);
    }
}
