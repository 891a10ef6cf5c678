//go:build ignore

// Extract writes face 0 of a TrueType collection as a standalone .ttf.
// It makes wqy-microhei.ttf from Debian's fonts-wqy-microhei:
//
//	go run templates/fonts/extract.go /usr/share/fonts/truetype/wqy/wqy-microhei.ttc templates/fonts/wqy-microhei.ttf
//
// The tables are copied unchanged; only their offsets and the head table's
// checkSumAdjustment are rewritten.
package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"sort"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go run extract.go FONT.ttc OUT.ttf")
		os.Exit(2)
	}
	in, err := os.ReadFile(os.Args[1])
	if err == nil {
		var out []byte
		if out, err = extract(in, 0); err == nil {
			err = os.WriteFile(os.Args[2], out, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "extract:", err)
		os.Exit(1)
	}
}

type table struct {
	tag              string
	sum, off, length uint32
}

func extract(ttc []byte, face int) ([]byte, error) {
	be := binary.BigEndian
	if len(ttc) < 12 || string(ttc[:4]) != "ttcf" {
		return nil, errors.New("not a TrueType collection")
	}
	n := int(be.Uint32(ttc[8:]))
	if face >= n || len(ttc) < 12+4*n {
		return nil, fmt.Errorf("no face %d (collection has %d)", face, n)
	}
	base := int(be.Uint32(ttc[12+4*face:]))
	if base+12 > len(ttc) {
		return nil, errors.New("truncated offset table")
	}
	hdr := ttc[base : base+12]
	if v := be.Uint32(hdr); v != 0x00010000 && v != 0x74727565 {
		return nil, fmt.Errorf("face %d is not TrueType (sfnt version %08x)", face, v)
	}
	numTables := int(be.Uint16(hdr[4:]))
	var tables []table
	for i := range numTables {
		r := ttc[base+12+16*i:]
		t := table{string(r[:4]), be.Uint32(r[4:]), be.Uint32(r[8:]), be.Uint32(r[12:])}
		if int(t.off)+int(t.length) > len(ttc) {
			return nil, fmt.Errorf("table %s out of range", t.tag)
		}
		tables = append(tables, t)
	}
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })

	out := make([]byte, 12+16*numTables)
	copy(out, hdr)
	headAt := -1
	for i, t := range tables {
		off := len(out)
		data := ttc[t.off : t.off+t.length]
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		if t.tag == "head" {
			headAt = off
			be.PutUint32(out[off+8:], 0)
			t.sum = checksum(out[off : off+int(t.length)])
		}
		r := out[12+16*i:]
		copy(r, t.tag)
		be.PutUint32(r[4:], t.sum)
		be.PutUint32(r[8:], uint32(off))
		be.PutUint32(r[12:], t.length)
	}
	if headAt < 0 {
		return nil, errors.New("no head table")
	}
	be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out, nil
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
