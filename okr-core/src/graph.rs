//! Iterative graph walks: plans can hold chains deep enough to overflow a recursive one.

/// Finds a directed cycle in a graph of `n` nodes whose out-edges are `edges(node)`.
/// Returns the nodes on the cycle in edge order, with the first node repeated at the end.
pub fn find_cycle<'a, F>(n: usize, edges: F) -> Option<Vec<usize>>
where
    F: Fn(usize) -> &'a [usize],
{
    const NEW: u8 = 0;
    const OPEN: u8 = 1;
    const DONE: u8 = 2;
    let mut color = vec![NEW; n];
    // (node, index of the next edge to follow)
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if color[root] != NEW {
            continue;
        }
        color[root] = OPEN;
        stack.push((root, 0));
        while let Some(top) = stack.last_mut() {
            let (node, next) = *top;
            let out = edges(node);
            if next == out.len() {
                color[node] = DONE;
                stack.pop();
                continue;
            }
            top.1 += 1;
            let to = out[next];
            match color[to] {
                NEW => {
                    color[to] = OPEN;
                    stack.push((to, 0));
                }
                OPEN => {
                    let from = stack.iter().position(|&(v, _)| v == to).unwrap_or(0);
                    let mut cycle: Vec<usize> = stack[from..].iter().map(|&(v, _)| v).collect();
                    cycle.push(to);
                    return Some(cycle);
                }
                _ => {}
            }
        }
    }
    None
}

/// A node's number in an edge list: `usize`, or `u32` where a compiled plan keeps its
/// lists at half the size.
pub trait Node: Copy {
    /// The node's index.
    fn index(self) -> usize;
}

impl Node for usize {
    fn index(self) -> usize {
        self
    }
}

impl Node for u32 {
    fn index(self) -> usize {
        self as usize
    }
}

/// Nodes ordered so that every node comes after all nodes it has edges to (children
/// before parents when edges point to children). `None` if there is a cycle.
pub fn post_order<'a, T: Node + 'a, F>(n: usize, edges: F) -> Option<Vec<usize>>
where
    F: Fn(usize) -> &'a [T],
{
    let mut state = vec![0u8; n];
    let mut order = Vec::with_capacity(n);
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        state[root] = 1;
        stack.push((root, 0));
        while let Some(top) = stack.last_mut() {
            let (node, next) = *top;
            let out = edges(node);
            if next == out.len() {
                state[node] = 2;
                order.push(node);
                stack.pop();
                continue;
            }
            top.1 += 1;
            let to = out[next].index();
            match state[to] {
                0 => {
                    state[to] = 1;
                    stack.push((to, 0));
                }
                1 => return None,
                _ => {}
            }
        }
    }
    Some(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_loop() {
        let adj: Vec<Vec<usize>> = vec![vec![1], vec![2], vec![0], vec![]];
        assert_eq!(find_cycle(4, |v| &adj[v]), Some(vec![0, 1, 2, 0]));
        assert_eq!(post_order(4, |v| &adj[v]), None);
    }

    #[test]
    fn deep_chains_do_not_overflow() {
        let n = 200_000;
        let adj: Vec<Vec<usize>> = (0..n)
            .map(|i| if i + 1 < n { vec![i + 1] } else { vec![] })
            .collect();
        assert_eq!(find_cycle(n, |v| &adj[v]), None);
        let order = post_order(n, |v| &adj[v]).unwrap_or_default();
        assert_eq!(order.first(), Some(&(n - 1)));
    }
}
