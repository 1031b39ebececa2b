//! Compiles the gazetteer lists in `data/gazetteer/` into finite-state
//! transducers (`fst`) that the crate embeds: one sorted, compressed map
//! per list, queried without being loaded or parsed at run time. With the
//! `gazetteer` feature off nothing is built and the lists stay empty.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=data/gazetteer");
    #[cfg(feature = "gazetteer")]
    if let Err(error) = gazetteer::build() {
        panic!("building the gazetteer: {error}");
    }
}

#[cfg(feature = "gazetteer")]
mod gazetteer {
    use std::collections::BTreeMap;
    use std::error::Error;
    use std::path::{Path, PathBuf};

    /// The codes the crate reads back (`src/entity/gazetteer.rs`): a
    /// place's class, and an organisation's.
    const PLACE_CLASSES: &[&str] = &[
        "country",
        "territory",
        "admin1",
        "city",
        "region",
        "continent",
        "celestial",
    ];
    const ORGANIZATION_CLASSES: &[&str] = &["party", "media", "international", "company", "agency"];

    pub(crate) fn build() -> Result<(), Box<dyn Error>> {
        let data = Path::new("data/gazetteer");
        let out = PathBuf::from(std::env::var("OUT_DIR")?);
        // Places and given names are matched in lower case ("GEORGIA" in a
        // label); organisations in their own capitals ("WHO", not "who").
        let places = read(&data.join("places.tsv"), true, |fields| {
            let class = fields.get(2).copied().unwrap_or_default();
            PLACE_CLASSES.iter().position(|c| *c == class)
        })?;
        let given = read(&data.join("given_names.txt"), true, |_| Some(0))?;
        let organizations = read(&data.join("organizations.tsv"), false, |fields| {
            let class = fields.get(1).copied().unwrap_or_default();
            ORGANIZATION_CLASSES.iter().position(|c| *c == class)
        })?;
        write(&out.join("places.fst"), &places)?;
        write(&out.join("given_names.fst"), &given)?;
        write(&out.join("organizations.fst"), &organizations)?;
        Ok(())
    }

    /// Name → code, keyed in lower case when `fold`; of two lines that
    /// fold to one key the first keeps it.
    fn read(
        path: &Path,
        fold: bool,
        code: impl Fn(&[&str]) -> Option<usize>,
    ) -> Result<BTreeMap<String, u64>, Box<dyn Error>> {
        let text = std::fs::read_to_string(path)
            .map_err(|error| format!("{}: {error}", path.display()))?;
        let mut map = BTreeMap::new();
        for (number, line) in text.lines().enumerate() {
            let fields: Vec<&str> = line.split('\t').collect();
            let name = fields.first().copied().unwrap_or_default();
            let Some(code) = code(&fields) else {
                return Err(format!("{}:{}: unknown class", path.display(), number + 1).into());
            };
            let key = if fold {
                name.to_lowercase()
            } else {
                name.to_string()
            };
            map.entry(key).or_insert(code as u64);
        }
        Ok(map)
    }

    fn write(path: &Path, map: &BTreeMap<String, u64>) -> Result<(), Box<dyn Error>> {
        let mut builder = fst::MapBuilder::memory();
        for (key, value) in map {
            builder.insert(key, *value)?;
        }
        std::fs::write(path, builder.into_inner()?)?;
        Ok(())
    }
}
