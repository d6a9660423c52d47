/**
 * `x` as a double the compiled kernels keep unboxed (x * 1 is x exactly). A
 * distribution's `zero` holds small whole numbers (0, 1) and fractions alike,
 * so the optimizing compiler reads it as a boxed number; a running sum started
 * from it as read, or a value chosen between it and an array's element, stays
 * boxed too, and every step of the loop allocates a number: a large estimate's
 * kernels made about half its garbage that way.
 */
export function unboxed(x: number): number {
  // Stryker disable next-line ArithmeticOperator: x / 1 is x as well
  return x * 1;
}
