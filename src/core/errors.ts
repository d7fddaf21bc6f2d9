/**
 * Error classes. Every message names what was wrong (the dtype, shape,
 * option, value, row or label at fault) so that a user can fix the call.
 */

/** Base class of every error ndframe throws on purpose. */
export class NDFrameError extends Error {
  override name = "NDFrameError";
}

/** An unknown dtype, or an operation that a dtype does not support. */
export class DTypeError extends NDFrameError {
  override name = "DTypeError";
}

/** Shapes or lengths that do not fit together. */
export class ShapeError extends NDFrameError {
  override name = "ShapeError";
}

/** A value that cannot be represented in the requested dtype (overflow, NaN to int, lost precision). */
export class CastError extends NDFrameError {
  override name = "CastError";
}

/** A bad option: an unknown keyword or a value out of range. */
export class OptionError extends NDFrameError {
  override name = "OptionError";
}

/** A position outside the bounds of an axis. */
export class IndexError extends NDFrameError {
  override name = "IndexError";
}

/** A label that an index does not hold. */
export class KeyError extends NDFrameError {
  override name = "KeyError";
}

/** Input that cannot be read: a missing file, an unreachable URL, malformed or truncated bytes. */
export class IOError extends NDFrameError {
  override name = "IOError";
}

/** Text that does not parse: a CSV or JSON line with the wrong shape or a value of the wrong type. */
export class ParseError extends NDFrameError {
  override name = "ParseError";
}
