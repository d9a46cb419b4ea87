//! Tables as JavaScript data grids and charts take them: one array per column, numbers
//! in typed arrays.

use js_sys::{Array, Float64Array, Object, Reflect};
use okr_core::table::{Data, Table};
use wasm_bindgen::JsValue;

/// `{ rows, columns: { name: values }, docs: { name: what it holds } }`. Numbers are
/// `Float64Array`s (`NaN` when missing; timestamps in milliseconds since the epoch, as
/// `new Date(ms)` takes them); text is an array of strings (`null` when missing);
/// categories are decoded to their labels.
pub fn table_to_js(table: &Table) -> Result<JsValue, JsValue> {
    let columns = Object::new();
    let docs = Object::new();
    for column in &table.columns {
        let values: JsValue = match &column.data {
            Data::Float(v) => Float64Array::from(v.as_slice()).into(),
            Data::Int(v) => floats(v.iter().map(|&i| i as f64)),
            Data::OptionalInt(v) | Data::Timestamp(v) => {
                floats(v.iter().map(|i| i.map_or(f64::NAN, |i| i as f64)))
            }
            Data::Text(v) => v.iter().map(JsValue::from).collect::<Array>().into(),
            Data::OptionalText(v) => v
                .iter()
                .map(|t| t.as_deref().map_or(JsValue::NULL, JsValue::from))
                .collect::<Array>()
                .into(),
            Data::Category { codes, categories } => codes
                .iter()
                .map(|&c| {
                    usize::try_from(c)
                        .ok()
                        .and_then(|c| categories.get(c))
                        .map_or(JsValue::NULL, JsValue::from)
                })
                .collect::<Array>()
                .into(),
        };
        Reflect::set(&columns, &column.name.as_ref().into(), &values)?;
        Reflect::set(
            &docs,
            &column.name.as_ref().into(),
            &column.doc.as_ref().into(),
        )?;
    }
    let out = Object::new();
    Reflect::set(&out, &"rows".into(), &(table.rows as f64).into())?;
    Reflect::set(&out, &"columns".into(), &columns)?;
    Reflect::set(&out, &"docs".into(), &docs)?;
    Ok(out.into())
}

fn floats(values: impl Iterator<Item = f64>) -> JsValue {
    Float64Array::from(values.collect::<Vec<f64>>().as_slice()).into()
}
