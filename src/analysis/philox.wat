;; Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC 2011), the generator of
;; philox.ts as one WebAssembly function. Assembled by wabt into philoxWasm.ts (PHILOX_WASM); the test
;; philoxWasm.test.ts assembles this file again and checks the embedded bytes, and checks the numbers against
;; the JavaScript implementation and Random123's known answer.
;;
;; philox(c0, c1, c2, c3, k0, k1) runs ten rounds and stores the four output words at memory bytes 0..15:
;;   p0 = M0 * c0 and p1 = M1 * c2 (32 x 32 -> 64 bits, unsigned)
;;   (c0, c1, c2, c3) <- (hi(p1) ^ c1 ^ k0, lo(p1), hi(p0) ^ c3 ^ k1, lo(p0))
;;   (k0, k1) <- (k0 + W0, k1 + W1) mod 2^32
;; with M0 = 0xD2511F53, M1 = 0xCD9E8D57, W0 = 0x9E3779B9, W1 = 0xBB67AE85.
(module
  (memory (export "memory") 1)
  (func (export "philox") (param $c0 i32) (param $c1 i32) (param $c2 i32) (param $c3 i32) (param $k0 i32) (param $k1 i32)
    (local $p0 i64) (local $p1 i64) (local $r i32)
    (local.set $r (i32.const 10))
    (loop $round
      (local.set $p0 (i64.mul (i64.extend_i32_u (local.get $c0)) (i64.const 0xD2511F53)))
      (local.set $p1 (i64.mul (i64.extend_i32_u (local.get $c2)) (i64.const 0xCD9E8D57)))
      (local.set $c0 (i32.xor (i32.xor (i32.wrap_i64 (i64.shr_u (local.get $p1) (i64.const 32))) (local.get $c1)) (local.get $k0)))
      (local.set $c1 (i32.wrap_i64 (local.get $p1)))
      (local.set $c2 (i32.xor (i32.xor (i32.wrap_i64 (i64.shr_u (local.get $p0) (i64.const 32))) (local.get $c3)) (local.get $k1)))
      (local.set $c3 (i32.wrap_i64 (local.get $p0)))
      (local.set $k0 (i32.add (local.get $k0) (i32.const 0x9E3779B9)))
      (local.set $k1 (i32.add (local.get $k1) (i32.const 0xBB67AE85)))
      (local.set $r (i32.sub (local.get $r) (i32.const 1)))
      (br_if $round (local.get $r)))
    (i32.store offset=0 (i32.const 0) (local.get $c0))
    (i32.store offset=4 (i32.const 0) (local.get $c1))
    (i32.store offset=8 (i32.const 0) (local.get $c2))
    (i32.store offset=12 (i32.const 0) (local.get $c3))))
