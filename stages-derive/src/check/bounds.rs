//! The bounds of `length` and `range`, checked against each other and, for `range`, against
//! the field's type, and written as literals of that type for code generation.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{LitFloat, LitInt};

use crate::attr::{self, Bounds, Number, NumberLit};
use crate::errors::Errors;
use crate::shape::Kind;

pub(super) fn length_bounds(
    bounds: &Bounds<attr::Count>,
    errors: &mut Errors,
) -> Option<(usize, usize)> {
    let min = bounds.min.as_ref().map_or(0, |count| count.value);
    let max = bounds.max.as_ref().map_or(usize::MAX, |count| count.value);
    if let (Some(low), Some(high)) = (&bounds.min, &bounds.max) {
        if low.value > high.value {
            errors.spanned(
                &high.lit,
                format!(
                    "`max` ({}) is less than `min` ({}): no length can satisfy both",
                    high.value, low.value
                ),
            );
            return None;
        }
    }
    (bounds.min.is_some() || bounds.max.is_some()).then_some((min, max))
}

pub(super) fn range_bounds(
    bounds: &Bounds<Number>,
    kind: &Kind,
    errors: &mut Errors,
) -> Option<(TokenStream, TokenStream)> {
    if let (Some(low), Some(high)) = (&bounds.min, &bounds.max) {
        if low.as_f64() > high.as_f64() {
            errors.at(
                high.span,
                format!(
                    "`max` ({}) is less than `min` ({}): no value can satisfy both",
                    high.text(),
                    low.text()
                ),
            );
            return None;
        }
    }
    let mut ok = true;
    let mut bound = |number: &Option<Number>| match number {
        None => quote!(::core::option::Option::None),
        Some(number) => match typed_number(number, kind) {
            Ok(tokens) => quote!(::core::option::Option::Some(#tokens)),
            Err(error) => {
                ok = false;
                errors.push(error);
                TokenStream::new()
            }
        },
    };
    let min = bound(&bounds.min);
    let max = bound(&bounds.max);
    ok.then_some((min, max))
}

/// The bound as a literal of the field's own type, checked to fit it.
fn typed_number(number: &Number, kind: &Kind) -> syn::Result<TokenStream> {
    let sign = if number.negative {
        quote!(-)
    } else {
        TokenStream::new()
    };
    match (kind, &number.lit) {
        (Kind::Int(int), NumberLit::Int(lit)) => {
            let value: i128 = lit.base10_parse()?;
            let value = if number.negative { -value } else { value };
            let (low, high) = int_limits(int);
            if value < low || value > high {
                return Err(syn::Error::new(
                    number.span,
                    format!(
                        "{} does not fit in `{int}`, which holds {low} to {high}; use a bound in that range, \
                         or a wider type",
                        number.text()
                    ),
                ));
            }
            let lit = LitInt::new(&format!("{}{int}", lit.base10_digits()), lit.span());
            Ok(quote!(#sign #lit))
        }
        (Kind::Int(int), NumberLit::Float(_)) => Err(syn::Error::new(
            number.span,
            format!(
                "{} is not a whole number, so it cannot bound an `{int}`; use an integer bound",
                number.text()
            ),
        )),
        (Kind::Float(float), lit) => {
            let digits = match lit {
                NumberLit::Int(lit) => lit.base10_digits().to_owned(),
                NumberLit::Float(lit) => lit.base10_digits().to_owned(),
            };
            let lit = LitFloat::new(&format!("{digits}{float}"), number.span);
            Ok(quote!(#sign #lit))
        }
        (_, NumberLit::Int(lit)) => Ok(quote!(#sign #lit)),
        (_, NumberLit::Float(lit)) => Ok(quote!(#sign #lit)),
    }
}

fn int_limits(int: &str) -> (i128, i128) {
    match int {
        "i8" => (i8::MIN.into(), i8::MAX.into()),
        "i16" => (i16::MIN.into(), i16::MAX.into()),
        "i32" => (i32::MIN.into(), i32::MAX.into()),
        "i64" | "isize" => (i64::MIN.into(), i64::MAX.into()),
        "u8" => (0, u8::MAX.into()),
        "u16" => (0, u16::MAX.into()),
        "u32" => (0, u32::MAX.into()),
        "u64" | "usize" => (0, u64::MAX.into()),
        "u128" => (0, i128::MAX),
        _ => (i128::MIN, i128::MAX),
    }
}
