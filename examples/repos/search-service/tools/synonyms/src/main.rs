use std::io::{self, BufRead};

fn main() {
    let stdin = io::stdin();
    let groups: Vec<Vec<String>> = stdin
        .lock()
        .lines()
        .map(|line| line.unwrap().split(',').map(|s| s.trim().to_string()).collect())
        .collect();
    println!("{}", serde_json::to_string(&groups).unwrap());
}
