/** A copy of a typed array in a larger one of the same type: the first `array.length` values, then zeros up to `size`. */
export function grown<A extends Int32Array | Float64Array | Uint8Array>(array: A, size: number): A {
  const bigger = new (array.constructor as new (length: number) => A)(size);
  bigger.set(array);
  return bigger;
}
