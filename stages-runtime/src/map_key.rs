//! The keys of a map member: a JSON object's keys are text, and paths name an entry by its key.

use std::borrow::Cow;
use std::rc::Rc;
use std::sync::Arc;

use crate::UnknownValue;

/// A type that can key a map member (`BTreeMap<K, V>`, `HashMap<K, V>`): it is decoded from a
/// JSON object's key, which is text, and shows that text on the paths of its entry.
///
/// `String` is the usual key; every enum deriving `Model` is one too (its wire values, as SQS's
/// `Attributes` are keyed by attribute name: a key the enum does not know is reported at its
/// entry). A key type of your own that holds text (a newtype around a
/// `String`, which also implements serde's `Deserialize` and `Serialize`) implements it by
/// handing out that text:
///
/// ```
/// use stages_runtime::MapKey;
///
/// struct TagKey(String);
///
/// impl MapKey for TagKey {
///     fn as_key(&self) -> &str {
///         &self.0
///     }
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot key a map member: the keys of a JSON object are text",
    label = "not a text key",
    note = "key the map by `String` (check numbers in the text with `keys(pattern = \"[0-9]+\")`) or by an enum deriving `Model`, or implement `MapKey` for a key type of your own that holds text"
)]
pub trait MapKey {
    /// The key's text, as the document wrote it.
    fn as_key(&self) -> &str;
}

/// Text types hand out themselves.
macro_rules! text_keys {
    ($($ty:ty),* $(,)?) => {$(
        impl MapKey for $ty {
            #[inline]
            fn as_key(&self) -> &str {
                self
            }
        }
    )*};
}

text_keys!(String, str, Box<str>, Rc<str>, Arc<str>, Cow<'_, str>);

impl MapKey for UnknownValue {
    #[inline]
    fn as_key(&self) -> &str {
        self.as_str()
    }
}
